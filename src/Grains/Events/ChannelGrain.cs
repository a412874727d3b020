using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Orleans.Streams.Core;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// A channel: subscribed implicitly to its own stream namespace (<see cref="EventChannel.Stream"/>),
/// activated under the key of the grain whose events it handles, and sent only the events it acts
/// on. It takes each event durably (dropping one it already has, N-2) and then confirms it to the
/// publisher. A failure is logged and not confirmed, so the publisher sends the event again.
/// </summary>
public abstract class ChannelGrain(string channel, ILogger logger) : Grain, IStreamSubscriptionObserver
{
    async Task IStreamSubscriptionObserver.OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<PublishedEvent>().ResumeAsync(OnNextAsync);

    /// <summary>
    /// Takes the event (idempotently) so that it survives this silo: true when it is taken and may
    /// be confirmed now, false when the channel confirms it itself later (<see cref="ConfirmAsync"/>).
    /// </summary>
    protected abstract Task<bool> TakeAsync(PublishedEvent published);

    /// <summary>Tells the publisher that this channel is done with the event.</summary>
    protected Task ConfirmAsync(GrainId source, Guid eventId) => GrainFactory.GetGrain<IEventSource>(source).ConfirmAsync(eventId, channel);

    private async Task OnNextAsync(PublishedEvent published, StreamSequenceToken? token)
    {
        bool taken;
        try
        {
            taken = await TakeAsync(published);
        }
#pragma warning disable CA1031 // Whatever kept the channel from taking the event, the publisher sends it again: logged, not lost.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            logger.LogWarning(exception, "The {Channel} channel could not take event {EventId}; the publisher will send it again", channel, published.Event.EventId);
            return;
        }

        if (taken)
        {
            await ConfirmAsync(published.Source, published.Event.EventId);
        }
    }
}
