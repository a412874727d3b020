namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>One line of an audit trail: who did what, when and why .</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.AuditEntry")]
public sealed record AuditEntry(
    [property: Id(0)] Guid EventId,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Actor,
    [property: Id(3)] string Action,
    [property: Id(4)] string Details);
