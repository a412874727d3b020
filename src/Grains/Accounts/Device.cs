using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Grains.Accounts;

/// <summary>A verification device: an email address or a phone number for text messages.</summary>
[GenerateSerializer, Alias("qpp.accounts.Device")]
public sealed class Device
{
    [Id(0)] public string Id { get; set; } = "";

    [Id(1)] public string Kind { get; set; } = "";

    /// <summary>The address or E.164 number.</summary>
    [Id(2)] public string Destination { get; set; } = "";

    /// <summary>"a***@example.org", "***-***-0123": enough to recognise, not to reveal.</summary>
    public string Masked => Kind == DeviceKinds.Email ? MaskEmail(Destination) : $"***-***-{Destination[^4..]}";

    private static string MaskEmail(string address)
    {
        var at = address.IndexOf('@', StringComparison.Ordinal);
        return at <= 1 ? $"***{address[at..]}" : $"{address[0]}***{address[at..]}";
    }
}
