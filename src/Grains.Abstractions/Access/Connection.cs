using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>A person's role at one organization, as their own projection keeps it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.Connection")]
public sealed record Connection(
    [property: Id(0)] OrganizationRef Organization,
    [property: Id(1)] string? Role,
    [property: Id(2)] DateTimeOffset Since,
    [property: Id(3)] long Version);
