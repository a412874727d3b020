using System.Collections.Concurrent;
using QppOrleans.Grains;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;

namespace QppOrleans.Tests.Events;

/// <summary>A publishing grain for the pipeline tests: it stores a counter and announces given events.</summary>
[Alias("qpp.tests.IAnnouncerGrain")]
public interface IAnnouncerGrain : IGrainWithStringKey
{
    /// <summary>One state change with its events; returns the silo that stored it.</summary>
    [Alias("Announce")]
    Task<string> AnnounceAsync(DomainEvent[] events);

    [Alias("Unconfirmed")]
    Task<int> UnconfirmedAsync();
}

[GenerateSerializer, Alias("qpp.tests.AnnouncerState")]
public sealed class AnnouncerState : IHasOutbox
{
    [Id(0)] public int Changes { get; set; }

    [Id(1)] public Outbox Outbox { get; set; } = new();
}

public sealed class AnnouncerGrain([PersistentState("announcer", QppStorage.Name)] IPersistentState<AnnouncerState> state)
    : PublishingGrain<AnnouncerState>(state), IAnnouncerGrain
{
    /// <summary>
    /// Keys whose silo "dies" right after the write: the activation that stores the next change
    /// never publishes again (the test then kills that silo). Value: that silo, once known.
    /// </summary>
    public static readonly ConcurrentDictionary<string, string> DiesBeforePublishing = new();

    /// <summary>Keys whose every publication is sent this many times, as a retry racing a slow confirmation would.</summary>
    public static readonly ConcurrentDictionary<string, int> PublishTimes = new();

    async Task<string> IAnnouncerGrain.AnnounceAsync(DomainEvent[] events)
    {
        var next = Draft();
        next.Changes++;
        await CommitAsync(next, events);
        return RuntimeIdentity;
    }

    Task<int> IAnnouncerGrain.UnconfirmedAsync() => Task.FromResult(Storage.State.Outbox.Entries.Count);

    protected override async Task PublishAsync(IReadOnlyList<OutboxEntry> entries)
    {
        var key = this.GetPrimaryKeyString();
        if (DiesBeforePublishing.TryGetValue(key, out var doomedSilo)
            && (doomedSilo == RuntimeIdentity || DiesBeforePublishing.TryUpdate(key, RuntimeIdentity, "")))
        {
            return;
        }

        for (var i = 0; i < PublishTimes.GetValueOrDefault(key, 1); i++)
        {
            await base.PublishAsync(entries);
        }
    }
}
