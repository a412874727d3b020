namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>The acting or requesting person, as the API knows them from their account.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.Person")]
public sealed record Person(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Name,
    [property: Id(2)] string Email);
