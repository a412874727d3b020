using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications.Email;

[GenerateSerializer, Alias("qpp.notifications.EmailChannelState")]
public sealed class EmailChannelState
{
    [Id(0)] public RecentEvents Taken { get; set; } = new();

    [Id(1)] public List<OutgoingMail> Pending { get; set; } = [];

    /// <summary>Refused for good by the SMTP server (e.g. no such mailbox); kept, never dropped silently.</summary>
    [Id(2)] public List<OutgoingMail> Undeliverable { get; set; } = [];

    [Id(3)] public long Sent { get; set; }

    [Id(4)] public WakeUp WakeUp { get; set; } = new();
}
