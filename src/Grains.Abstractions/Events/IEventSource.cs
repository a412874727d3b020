using Orleans.Concurrency;

namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A grain with an outbox: it publishes until every channel that acts on an event has confirmed it (N-2).</summary>
[Alias("qpp.events.IEventSource")]
public interface IEventSource : IGrain
{
    /// <summary>
    /// The <paramref name="channel"/> has durably taken the event; stop re-publishing it to that
    /// channel. Interleaved with the grain's other calls, so that confirmations never queue in
    /// front of a person's next call (it changes only the outbox in memory, and writes nothing).
    /// </summary>
    [OneWay, AlwaysInterleave, Alias("Confirm")]
    Task ConfirmAsync(Guid eventId, string channel);
}
