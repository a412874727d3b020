namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A-32: a request still waits for a Security Official; they are reminded.</summary>
[GenerateSerializer, Alias("qpp.events.AccessRequestReminded")]
public sealed record AccessRequestReminded : OrganizationEvent
{
    [Id(0)] public string RequestId { get; init; } = "";

    [Id(1)] public Recipient Requester { get; init; } = null!;

    [Id(2)] public string Role { get; init; } = "";

    /// <summary>When the request was made.</summary>
    [Id(3)] public DateTimeOffset RequestedAt { get; init; }
}
