using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>The Service Center's queue. Escalations are rare, so one grain holds them all.</summary>
public sealed class ServiceCenterQueueGrain(
    [PersistentState("service-center-queue", QppStorage.Name)] IPersistentState<ServiceCenterQueueState> state)
    : Grain, IServiceCenterQueueGrain
{
    async Task IServiceCenterQueueGrain.OpenAsync(ServiceCenterRequest request)
    {
        if (state.State.Requests.Exists(r => r.Id == request.Id))
        {
            return;
        }

        state.State.Requests.Add(request);
        await this.WriteOrDeactivateAsync(state);
    }

    Task<ServiceCenterRequest?> IServiceCenterQueueGrain.GetAsync(Guid id) => Task.FromResult(state.State.Requests.Find(r => r.Id == id));

    async Task<bool> IServiceCenterQueueGrain.CloseAsync(Guid id)
    {
        var index = state.State.Requests.FindIndex(r => r.Id == id && r.Open);
        if (index < 0)
        {
            return false;
        }

        state.State.Requests[index] = state.State.Requests[index] with { Open = false };
        await this.WriteOrDeactivateAsync(state);
        return true;
    }

    Task<ServiceCenterRequest[]> IServiceCenterQueueGrain.ListAsync(bool includeClosed) =>
        Task.FromResult(state.State.Requests.Where(r => includeClosed || r.Open).ToArray());
}
