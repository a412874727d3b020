using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.ServiceCenterQueueState")]
public sealed class ServiceCenterQueueState
{
    /// <summary>Oldest first.</summary>
    [Id(0)] public List<ServiceCenterRequest> Requests { get; set; } = [];
}
