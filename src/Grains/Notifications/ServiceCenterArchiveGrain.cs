using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>The Service Center requests resolved in one month, oldest first in storage.</summary>
public sealed class ServiceCenterArchiveGrain(
    [PersistentState("service-center-archive", QppStorage.Name)] IPersistentState<ServiceCenterArchiveState> state)
    : Grain, IServiceCenterArchiveGrain
{
    async Task IServiceCenterArchiveGrain.AddAsync(ServiceCenterRequest request)
    {
        if (state.State.Requests.Exists(r => r.Id == request.Id))
        {
            return;
        }

        state.State.Requests.Add(request);
        await this.WriteOrDeactivateAsync(state);
    }

    Task<ServiceCenterRequest[]> IServiceCenterArchiveGrain.PageAsync(int skip, int take) =>
        Task.FromResult<ServiceCenterRequest[]>([.. Enumerable.Reverse(state.State.Requests).Skip(skip).Take(take)]);
}
