using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// The events a grain has committed but not yet seen confirmed by every channel that acts on
/// them. It is part of the grain's own state, so the change and its events are stored in one
/// write (N-2).
/// </summary>
[GenerateSerializer, Alias("qpp.events.Outbox")]
public sealed class Outbox
{
    [Id(0)] public List<OutboxEntry> Entries { get; set; } = [];

    public bool IsEmpty => Entries.Count == 0;

    /// <summary>Adds the events that some channel acts on (<see cref="EventRoutes"/>), each awaiting those channels; the others need nothing.</summary>
    public IReadOnlyList<OutboxEntry> Add(IEnumerable<DomainEvent> events)
    {
        var added = events
            .Select(e => new OutboxEntry { Event = e, AwaitingChannels = EventRoutes.For(e) })
            .Where(e => e.AwaitingChannels.Count > 0)
            .ToList();
        Entries.AddRange(added);
        return added;
    }

    /// <summary>True when this changed the outbox (a repeated confirmation changes nothing).</summary>
    public bool Confirm(Guid eventId, string channel)
    {
        var entry = Entries.Find(e => e.Event.EventId == eventId);
        if (entry is null || !entry.AwaitingChannels.Remove(channel))
        {
            return false;
        }

        if (entry.AwaitingChannels.Count == 0)
        {
            Entries.Remove(entry);
        }

        return true;
    }

    /// <summary>Entries whose last publication is older than <paramref name="patience"/> (or never happened).</summary>
    public IReadOnlyList<OutboxEntry> Overdue(DateTimeOffset now, TimeSpan patience) =>
        Entries.Where(e => e.LastPublishedAt is not { } at || now - at >= patience).ToList();

    /// <summary>Entries stored by an earlier build await the channels that do that work now (<see cref="EventChannel.Current"/>).</summary>
    public void AwaitCurrentChannels()
    {
        foreach (var entry in Entries)
        {
            entry.AwaitingChannels = [.. entry.AwaitingChannels.Select(EventChannel.Current).Distinct()];
        }
    }
}
