namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A-32: nobody decided a request in time; it ends, with a reason the requester sees.</summary>
[GenerateSerializer, Alias("qpp.events.AccessRequestExpired")]
public sealed record AccessRequestExpired : OrganizationEvent
{
    [Id(0)] public string RequestId { get; init; } = "";

    [Id(1)] public Recipient Requester { get; init; } = null!;

    [Id(2)] public string Role { get; init; } = "";

    [Id(3)] public string Reason { get; init; } = "";
}
