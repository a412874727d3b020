namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>A practice (and, for TIN/NPI models, a clinician) taking part in an APM entity .</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.Participant")]
public sealed record Participant(
    [property: Id(0)] string Tin,
    [property: Id(1)] string? Npi);
