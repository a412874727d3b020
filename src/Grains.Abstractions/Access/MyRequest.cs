using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>
/// One of a person's own access requests, as their projection keeps it; <see cref="Reason"/> is
/// why it ended when someone said (a denial's reason, A-27; an expiry's, A-32).
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.access.MyRequest")]
public sealed record MyRequest(
    [property: Id(0)] string RequestId,
    [property: Id(1)] OrganizationRef Organization,
    [property: Id(2)] string Role,
    [property: Id(3)] string Status,
    [property: Id(4)] DateTimeOffset At,
    [property: Id(5)] long Version,
    [property: Id(6)] string? Reason = null);
