namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A person asked for a role that needs a Security Official's approval .</summary>
[GenerateSerializer, Alias("qpp.events.AccessRequested")]
public sealed record AccessRequested : OrganizationEvent
{
    [Id(0)] public string RequestId { get; init; } = "";

    [Id(1)] public Recipient Requester { get; init; } = null!;

    [Id(2)] public string Role { get; init; } = "";
}
