namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>The answer to one item of an access request (API.md: <c>{orgId, status, requestId?, code?, message?}</c>).</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.RequestOutcome")]
public sealed record RequestOutcome(
    [property: Id(0)] string OrgId,
    [property: Id(1)] string Status,
    [property: Id(2)] string? RequestId = null,
    [property: Id(3)] string? Code = null,
    [property: Id(4)] string? Message = null);
