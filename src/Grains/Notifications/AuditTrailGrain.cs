using Microsoft.Extensions.Logging;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>The audit channel: each event of the grain with the same key that it keeps (<see cref="AuditLine.Keeps"/>), once.</summary>
[ImplicitStreamSubscription(EventChannel.AuditStream)]
public sealed class AuditTrailGrain(
    [PersistentState("audit-trail", QppStorage.Name)] IPersistentState<AuditTrailState> state,
    ILogger<AuditTrailGrain> logger) : ChannelGrain(EventChannel.Audit, logger), IAuditTrailGrain
{
    private HashSet<Guid>? taken;

    Task<AuditPage> IAuditTrailGrain.PageAsync(int skip, int take)
    {
        var entries = state.State.Entries;
        var end = Math.Max(0, entries.Count - skip);
        var start = Math.Max(0, end - take);
        AuditEntry[] page = [.. entries.GetRange(start, end - start)];
        Array.Reverse(page);
        return Task.FromResult(new AuditPage(page, entries.Count));
    }

    protected override async Task<bool> TakeAsync(PublishedEvent published)
    {
        var domainEvent = published.Event;
        taken ??= [.. state.State.Entries.Select(e => e.EventId)];
        if (taken.Contains(domainEvent.EventId))
        {
            return true;
        }

        state.State.Entries.Add(AuditLine.For(domainEvent));
        await this.WriteOrDeactivateAsync(state);

        taken.Add(domainEvent.EventId);
        return true;
    }
}
