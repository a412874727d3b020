using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// The events a grain has committed but not yet seen confirmed by every channel. It is part of
/// the grain's own state, so the change and its events are stored in one write (N-2).
/// </summary>
[GenerateSerializer, Alias("qpp.events.Outbox")]
public sealed class Outbox
{
    [Id(0)] public List<OutboxEntry> Entries { get; set; } = [];

    [Id(1)] public WakeUp WakeUp { get; set; } = new();

    public bool IsEmpty => Entries.Count == 0;

    public IReadOnlyList<OutboxEntry> Add(IEnumerable<DomainEvent> events)
    {
        var added = events.Select(e => new OutboxEntry { Event = e, AwaitingChannels = [.. EventChannel.All] }).ToList();
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
}
