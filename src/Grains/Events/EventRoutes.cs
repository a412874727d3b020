using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Notifications;
using QppOrleans.Grains.Notifications.Email;

namespace QppOrleans.Grains.Events;

/// <summary>
/// Which channels act on an event, as each channel declares it: an event goes to those only, and
/// its publisher's outbox waits for their confirmations only (N-1, N-2). A channel's declaration is
/// the same function it acts by, so the two cannot drift apart.
/// </summary>
public static class EventRoutes
{
    public static List<string> For(DomainEvent domainEvent)
    {
        List<string> channels = [];
        if (EmailChannelGrain.ActsOn(domainEvent))
        {
            channels.Add(EventChannel.Email);
        }

        if (RelayChannelGrain.ActsOn(domainEvent))
        {
            channels.Add(EventChannel.Relay);
        }

        if (AuditLine.Keeps(domainEvent))
        {
            channels.Add(EventChannel.Audit);
        }

        return channels;
    }
}
