namespace QppOrleans.Grains.Abstractions.Diagnostics;

/// <summary>What a probe grain holds, and which silo answered.</summary>
[GenerateSerializer, Immutable, Alias("qpp.diagnostics.ProbeReading")]
public sealed record ProbeReading(
    [property: Id(0)] string? Value,
    [property: Id(1)] long Writes,
    [property: Id(2)] string Silo);
