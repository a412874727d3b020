using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.InboxState")]
public sealed class InboxState
{
    /// <summary>Oldest first; at most <see cref="InboxGrain.Capacity"/>, the oldest dropped first.</summary>
    [Id(0)] public List<Notification> Items { get; set; } = [];
}
