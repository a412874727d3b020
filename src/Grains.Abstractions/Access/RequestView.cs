namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>An access request as a Security Official (or the requester) sees it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.RequestView")]
public sealed record RequestView(
    [property: Id(0)] string RequestId,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Name,
    [property: Id(3)] string Role,
    [property: Id(4)] string Status,
    [property: Id(5)] DateTimeOffset RequestedAt,
    [property: Id(6)] string? Reason = null);
