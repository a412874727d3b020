namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A clinician billing under a practice, as PECOS lists them .</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.Clinician")]
public sealed record Clinician(
    [property: Id(0)] string Npi,
    [property: Id(1)] string Ptan,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string LastName);
