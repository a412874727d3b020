namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A person's role at an organization was removed .</summary>
[GenerateSerializer, Alias("qpp.events.AccessRemoved")]
public sealed record AccessRemoved : OrganizationEvent
{
    [Id(0)] public Recipient Member { get; init; } = null!;

    [Id(1)] public string Role { get; init; } = "";

    [Id(2)] public string? Reason { get; init; }
}
