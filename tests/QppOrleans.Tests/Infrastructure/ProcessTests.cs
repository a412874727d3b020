namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Tests that start real processes run one after another, beside the in-process tests: those
/// mostly wait (for the cluster, for polls), and two cores are not enough for two clusters of
/// processes at once.
/// </summary>
[CollectionDefinition(Collection)]
public sealed class ProcessTests
{
    public const string Collection = "processes";
}
