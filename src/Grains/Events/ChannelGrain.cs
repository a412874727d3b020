using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// A channel: subscribed implicitly to every publishing grain's stream, activated under the same
/// key. It takes each event durably (dropping one it already has, N-2) and then confirms it to
/// the publisher. A failure is logged and not confirmed, so the publisher sends the event again.
/// </summary>
public abstract class ChannelGrain(string channel, ILogger logger) : Grain, IStreamSubscriptionObserver
{
    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<PublishedEvent>().ResumeAsync(OnNextAsync);

    /// <summary>Takes the event (idempotently) so that it survives this silo.</summary>
    protected abstract Task TakeAsync(DomainEvent domainEvent);

    private async Task OnNextAsync(PublishedEvent published, StreamSequenceToken? token)
    {
        try
        {
            await TakeAsync(published.Event);
        }
        catch (Exception exception)
        {
            logger.LogWarning(exception, "The {Channel} channel could not take event {EventId}; the publisher will send it again", channel, published.Event.EventId);
            return;
        }

        await GrainFactory.GetGrain<IEventSource>(published.Source).ConfirmAsync(published.Event.EventId, channel);
    }
}
