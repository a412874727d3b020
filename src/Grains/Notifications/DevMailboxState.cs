using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.DevMailboxState")]
public sealed class DevMailboxState
{
    /// <summary>Oldest first; at most <see cref="DevMailboxGrain.Capacity"/>.</summary>
    [Id(0)] public List<DeliveredMessage> Messages { get; set; } = [];
}
