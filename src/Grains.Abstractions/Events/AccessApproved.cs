namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A role was granted: a valid first Security Official, or an approved request .</summary>
[GenerateSerializer, Alias("qpp.events.AccessApproved")]
public sealed record AccessApproved : OrganizationEvent
{
    [Id(0)] public string RequestId { get; init; } = "";

    [Id(1)] public Recipient Member { get; init; } = null!;

    [Id(2)] public string Role { get; init; } = "";
}
