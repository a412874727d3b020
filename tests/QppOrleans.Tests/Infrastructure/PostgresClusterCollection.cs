namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Test classes that share one two-silo PostgreSQL cluster, one at a time, each on grains of its
/// own; a test that kills a silo has a cluster of its own.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresClusterCollection : ICollectionFixture<PostgresClusterFixture>
{
    public const string Name = "PostgreSQL cluster";
}
