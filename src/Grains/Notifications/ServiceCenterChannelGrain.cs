using Microsoft.Extensions.Logging;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>The Service Center channel: escalations become items of the queue, once each.</summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class ServiceCenterChannelGrain(ILogger<ServiceCenterChannelGrain> logger)
    : ChannelGrain(EventChannel.ServiceCenter, logger), IServiceCenterChannelGrain
{
    protected override Task TakeAsync(DomainEvent domainEvent) => domainEvent is AccessEscalated escalated
        ? GrainFactory.Reference<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter).OpenAsync(new ServiceCenterRequest(
            escalated.EventId, escalated.OccurredAt, escalated.Organization, escalated.Requester.UserId ?? escalated.Actor,
            escalated.Role, escalated.Message, Open: true))
        : Task.CompletedTask;
}
