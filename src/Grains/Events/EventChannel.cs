namespace QppOrleans.Grains.Events;

/// <summary>The channels every event is fanned out to; each confirms every event it is given.</summary>
public static class EventChannel
{
    public const string Email = "email";
    public const string Inbox = "inbox";
    public const string ServiceCenter = "service-center";
    public const string Audit = "audit";
    public const string Projection = "projection";

    public static readonly IReadOnlyList<string> All = [Email, Inbox, ServiceCenter, Audit, Projection];
}
