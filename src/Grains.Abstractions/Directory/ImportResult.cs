namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>What importing one entry did, and for an update the entry it replaced (to take its old name out of the indexes).</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.ImportResult")]
public sealed record ImportResult(
    [property: Id(0)] ImportOutcome Outcome,
    [property: Id(1)] DirectoryEntry? Replaced);
