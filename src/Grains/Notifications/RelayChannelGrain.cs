using Microsoft.Extensions.Logging;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>
/// The channel that hands an event on to the grains that keep it: each on-screen notice to the
/// inbox of the person it names (N-1), an escalation to the Service Center queue, a role
/// change or request decision to each person's copy (<see cref="MembershipProjection"/>). Each of
/// those drops what it already holds, so this channel keeps no state of its own; it was three
/// channels once, activated and confirmed apart for every event.
/// </summary>
[ImplicitStreamSubscription(EventChannel.RelayStream)]
public sealed class RelayChannelGrain(ILogger<RelayChannelGrain> logger) : ChannelGrain(EventChannel.Relay, logger), IRelayChannelGrain
{
    public static bool ActsOn(DomainEvent domainEvent) =>
        OnScreen(domainEvent).Any() || domainEvent is AccessEscalated || MembershipProjection.Of(domainEvent).Count > 0;

    protected override async Task<bool> TakeAsync(PublishedEvent published)
    {
        var domainEvent = published.Event;
        var handOffs = OnScreen(domainEvent)
            .Select(notice => GrainFactory.Reference<IInboxGrain>(GrainKeys.Inbox(notice.To.UserId!))
                .AddAsync(new Notification(domainEvent.EventId, domainEvent.OccurredAt, notice.Subject, notice.Body, Read: false)))
            .Concat(MembershipProjection.Of(domainEvent).Select(update => update(GrainFactory)));
        if (domainEvent is AccessEscalated escalated)
        {
            handOffs = handOffs.Append(GrainFactory.Reference<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter).OpenAsync(new ServiceCenterRequest(
                escalated.EventId, escalated.OccurredAt, escalated.Organization, escalated.Requester.UserId ?? escalated.Actor,
                escalated.Role, escalated.Message, Open: true)));
        }

        await Task.WhenAll(handOffs);
        return true;
    }

    private static IEnumerable<Notice> OnScreen(DomainEvent domainEvent) =>
        NoticeWriter.For(domainEvent).Where(notice => notice.OnScreen && notice.To.UserId is not null);
}
