namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>
/// Something that happened, announced by the grain that made the change (N-1). The event id
/// is what every channel uses to drop a second delivery of the same event (N-2).
/// </summary>
[GenerateSerializer, Alias("qpp.events.DomainEvent")]
public abstract record DomainEvent
{
    [Id(0)] public Guid EventId { get; init; } = Guid.NewGuid();

    [Id(1)] public DateTimeOffset OccurredAt { get; init; }

    /// <summary>The user id of the person who caused it, or <c>system</c>.</summary>
    [Id(2)] public string Actor { get; init; } = "system";
}
