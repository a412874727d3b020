namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>A-31: a connected person as the Service Center sees them, so that it can tell a caller who their Security Official is.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.ServiceCenterMember")]
public sealed record ServiceCenterMember(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email,
    [property: Id(3)] string Role,
    [property: Id(4)] DateTimeOffset Since);
