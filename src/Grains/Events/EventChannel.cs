using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// The channels events go to, each on a stream namespace of its own, so that an event activates
/// and waits for only the channels that act on it (<see cref="EventRoutes"/>).
/// </summary>
public static class EventChannel
{
    /// <summary>Mail to the people an event names (SMTP).</summary>
    public const string Email = "email";

    /// <summary>Hands an event on: on-screen notices, the Service Center queue, each person's copy of their roles and requests.</summary>
    public const string Relay = "relay";

    /// <summary>The audit trail of the grain that announced the event .</summary>
    public const string Audit = "audit";

    public const string EmailStream = EventStreams.Namespace + "/" + Email;
    public const string RelayStream = EventStreams.Namespace + "/" + Relay;
    public const string AuditStream = EventStreams.Namespace + "/" + Audit;

    public static readonly IReadOnlyList<string> All = [Email, Relay, Audit];

    /// <summary>The stream namespace <paramref name="channel"/> subscribes to.</summary>
    public static string Stream(string channel) => $"{EventStreams.Namespace}/{channel}";

    /// <summary>
    /// The channel that now does what a channel of an earlier build did: the inbox, Service Center
    /// and projection channels only handed events on, and are one now. Outboxes stored by that build
    /// still name them.
    /// </summary>
    public static string Current(string channel) => channel is "inbox" or "service-center" or "projection" ? Relay : channel;
}
