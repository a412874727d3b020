using Microsoft.Extensions.Logging;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>
/// The on-screen channel: hands each notice to the inbox of the person it names. The inboxes
/// drop a notification they already hold, so this channel keeps no state of its own.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class InboxChannelGrain(ILogger<InboxChannelGrain> logger) : ChannelGrain(EventChannel.Inbox, logger), IInboxChannelGrain
{
    protected override Task TakeAsync(DomainEvent domainEvent) =>
        Task.WhenAll(NoticeWriter.For(domainEvent)
            .Where(notice => notice.OnScreen && notice.To.UserId is not null)
            .Select(notice => GrainFactory.Reference<IInboxGrain>(GrainKeys.Inbox(notice.To.UserId!))
                .AddAsync(new Notification(domainEvent.EventId, domainEvent.OccurredAt, notice.Subject, notice.Body, Read: false))));
}
