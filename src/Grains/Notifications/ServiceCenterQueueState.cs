using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.ServiceCenterQueueState")]
public sealed class ServiceCenterQueueState
{
    /// <summary>The open requests, oldest first.</summary>
    [Id(0)] public List<ServiceCenterRequest> Requests { get; set; } = [];

    /// <summary>The months with an archive, oldest first, and how many requests each holds.</summary>
    [Id(1)] public List<ArchivedMonth> Archive { get; set; } = [];

    /// <summary>The latest resolved requests, so that resolving one again says so; the oldest go beyond <see cref="RecentlyResolvedKept"/>.</summary>
    [Id(2)] public List<ServiceCenterRequest> RecentlyResolved { get; set; } = [];

    public const int RecentlyResolvedKept = 200;
}
