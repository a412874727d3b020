namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A Security Official or the Service Center denied a request .</summary>
[GenerateSerializer, Alias("qpp.events.AccessDenied")]
public sealed record AccessDenied : OrganizationEvent
{
    [Id(0)] public string RequestId { get; init; } = "";

    [Id(1)] public Recipient Member { get; init; } = null!;

    [Id(2)] public string Role { get; init; } = "";

    [Id(3)] public string? Reason { get; init; }
}
