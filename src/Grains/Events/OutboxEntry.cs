using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>An event not yet confirmed by every channel.</summary>
[GenerateSerializer, Alias("qpp.events.OutboxEntry")]
public sealed class OutboxEntry
{
    [Id(0)] public DomainEvent Event { get; set; } = null!;

    [Id(1)] public List<string> AwaitingChannels { get; set; } = [];

    [Id(2)] public DateTimeOffset? LastPublishedAt { get; set; }

    [Id(3)] public int Publications { get; set; }
}
