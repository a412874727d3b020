namespace QppOrleans.Tests.Infrastructure;

/// <summary>Tests that start real processes run one at a time: two cores are not enough for more.</summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class ProcessTests
{
    public const string Collection = "processes";
}
