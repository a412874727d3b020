namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>Where a one-time code can be sent: an email address or a phone by text message.</summary>
public static class DeviceKinds
{
    public const string Email = "email";
    public const string Sms = "sms";
}
