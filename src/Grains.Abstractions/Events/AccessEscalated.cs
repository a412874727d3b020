namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>
/// Validation failed too often; the request goes to the Service Center queue.
/// <see cref="Message"/> is the text the person was shown.
/// </summary>
[GenerateSerializer, Alias("qpp.events.AccessEscalated")]
public sealed record AccessEscalated : OrganizationEvent
{
    [Id(0)] public Recipient Requester { get; init; } = null!;

    [Id(1)] public string Role { get; init; } = "";

    [Id(2)] public string Message { get; init; } = "";
}
