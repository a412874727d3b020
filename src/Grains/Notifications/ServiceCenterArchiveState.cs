using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.ServiceCenterArchiveState")]
public sealed class ServiceCenterArchiveState
{
    [Id(0)] public List<ServiceCenterRequest> Requests { get; set; } = [];
}
