namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>The Service Center's work queue, one for the service (<see cref="GrainKeys.ServiceCenter"/>).</summary>
[Alias("qpp.notifications.IServiceCenterQueueGrain")]
public interface IServiceCenterQueueGrain : IGrainWithStringKey
{
    /// <summary>Queues a request; one already queued (same id) is left as it is (N-2).</summary>
    [Alias("Open")]
    Task OpenAsync(ServiceCenterRequest request);

    /// <summary>Null when there is no such item.</summary>
    [Alias("Get")]
    Task<ServiceCenterRequest?> GetAsync(Guid id);

    /// <summary>Closes an open item; false when it was not open.</summary>
    [Alias("Close")]
    Task<bool> CloseAsync(Guid id);

    /// <summary>The queue, oldest first; only open requests unless <paramref name="includeClosed"/>.</summary>
    [Alias("List")]
    Task<ServiceCenterRequest[]> ListAsync(bool includeClosed);
}
