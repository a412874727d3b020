namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>A connected person as a Security Official sees them.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.MemberView")]
public sealed record MemberView(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Role,
    [property: Id(3)] DateTimeOffset Since);
