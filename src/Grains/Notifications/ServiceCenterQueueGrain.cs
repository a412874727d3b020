using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>
/// The Service Center's queue: open requests here, resolved ones in monthly archives, so
/// that every write rewrites only the open work.
/// </summary>
public sealed class ServiceCenterQueueGrain(
    [PersistentState("service-center-queue", QppStorage.Name)] IPersistentState<ServiceCenterQueueState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    : Grain, IServiceCenterQueueGrain
{
    private ServiceCenterQueueState Queue => state.State;

    async Task IServiceCenterQueueGrain.OpenAsync(ServiceCenterRequest request)
    {
        if (Queue.Requests.Exists(r => r.Id == request.Id) || Queue.RecentlyResolved.Exists(r => r.Id == request.Id))
        {
            return;
        }

        Queue.Requests.Add(request);
        await this.WriteOrDeactivateAsync(state);
    }

    Task<ServiceCenterRequest?> IServiceCenterQueueGrain.GetAsync(Guid id) =>
        Task.FromResult(Queue.Requests.Find(r => r.Id == id) ?? Queue.RecentlyResolved.Find(r => r.Id == id));

    async Task<bool> IServiceCenterQueueGrain.CloseAsync(string operatorId, Guid id)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        var index = Queue.Requests.FindIndex(r => r.Id == id);
        if (index < 0)
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var resolved = Queue.Requests[index] with { Open = false, ResolvedAt = now, ResolvedBy = operatorId };
        var month = now.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // Archived first: a failure after this leaves the request open, and closing it again adds nothing twice.
        await GrainFactory.Reference<IServiceCenterArchiveGrain>(GrainKeys.ServiceCenterArchive(month)).AddAsync(resolved);
        Queue.Requests.RemoveAt(index);
        var archived = Queue.Archive.FindIndex(m => m.Month == month);
        if (archived < 0)
        {
            Queue.Archive.Add(new ArchivedMonth(month, 1));
        }
        else
        {
            Queue.Archive[archived] = Queue.Archive[archived] with { Count = Queue.Archive[archived].Count + 1 };
        }

        Queue.RecentlyResolved.Add(resolved);
        if (Queue.RecentlyResolved.Count > ServiceCenterQueueState.RecentlyResolvedKept)
        {
            Queue.RecentlyResolved.RemoveAt(0);
        }

        await this.WriteOrDeactivateAsync(state);
        return true;
    }

    async Task<ServiceCenterPage> IServiceCenterQueueGrain.PageAsync(string operatorId, bool resolved, int skip, int take)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        if (!resolved)
        {
            return new ServiceCenterPage([.. Queue.Requests.Skip(skip).Take(take)], Queue.Requests.Count);
        }

        var items = new List<ServiceCenterRequest>();
        foreach (var month in Enumerable.Reverse(Queue.Archive))
        {
            if (items.Count >= take)
            {
                break;
            }

            if (skip >= month.Count)
            {
                skip -= month.Count;
                continue;
            }

            items.AddRange(await GrainFactory.Reference<IServiceCenterArchiveGrain>(GrainKeys.ServiceCenterArchive(month.Month)).PageAsync(skip, take - items.Count));
            skip = 0;
        }

        return new ServiceCenterPage([.. items], Queue.Archive.Sum(m => m.Count));
    }
}
