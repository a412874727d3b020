namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The silo failures under a surge of load run alone, after everything else: their bounds are
/// seconds of the cluster's own failure detection, and other tests' work on the same two cores
/// would slow the silos' answers to each other's probes.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class SurgeTests
{
    public const string Collection = "surge";
}
