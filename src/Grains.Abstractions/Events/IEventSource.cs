using Orleans.Concurrency;

namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A grain with an outbox: it publishes until every channel has confirmed an event (N-2).</summary>
[Alias("qpp.events.IEventSource")]
public interface IEventSource : IGrain
{
    /// <summary>The <paramref name="channel"/> has durably taken the event; stop re-publishing it to that channel.</summary>
    [OneWay, Alias("Confirm")]
    Task ConfirmAsync(Guid eventId, string channel);
}
