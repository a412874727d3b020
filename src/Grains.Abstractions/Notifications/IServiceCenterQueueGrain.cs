namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>
/// The Service Center's work queue, one for the service (<see cref="GrainKeys.ServiceCenter"/>):
/// the open requests only. A resolved request moves to the archive of the month it was resolved
/// in (<see cref="IServiceCenterArchiveGrain"/>), so the queue stays the size of the open work.
/// </summary>
[Alias("qpp.notifications.IServiceCenterQueueGrain")]
public interface IServiceCenterQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a request; one already queued (same id) is left as it is (N-2).</summary>
    [Alias("Open")]
    Task OpenAsync(ServiceCenterRequest request);

    /// <summary>An open request, or a recently resolved one (<see cref="ServiceCenterRequest.Open"/> false); null otherwise.</summary>
    [Alias("Get")]
    Task<ServiceCenterRequest?> GetAsync(Guid id);

    /// <summary>Operators only: resolves an open request into the archive; false when it was not open.</summary>
    [Alias("Close")]
    Task<bool> CloseAsync(string operatorId, Guid id);

    /// <summary>Operators only: open requests oldest first, or resolved ones newest first.</summary>
    [Alias("Page")]
    Task<ServiceCenterPage> PageAsync(string operatorId, bool resolved, int skip, int take);
}

/// <summary>Resolved Service Center requests of one month (<see cref="GrainKeys.ServiceCenterArchive"/>), kept as they were.</summary>
[Alias("qpp.notifications.IServiceCenterArchiveGrain")]
public interface IServiceCenterArchiveGrain : IGrainWithStringKey
{
    /// <summary>Keeps a resolved request; one already kept (same id) is left as it is.</summary>
    [Alias("Add")]
    Task AddAsync(ServiceCenterRequest request);

    /// <summary>Newest first.</summary>
    [Alias("Page")]
    Task<ServiceCenterRequest[]> PageAsync(int skip, int take);
}

[GenerateSerializer, Immutable, Alias("qpp.notifications.ServiceCenterPage")]
public sealed record ServiceCenterPage([property: Id(0)] ServiceCenterRequest[] Items, [property: Id(1)] int Total);
