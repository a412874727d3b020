namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>An event on the stream, with the grain to confirm it to once a channel has it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.events.PublishedEvent")]
public sealed record PublishedEvent(
    [property: Id(0)] GrainId Source,
    [property: Id(1)] DomainEvent Event);
