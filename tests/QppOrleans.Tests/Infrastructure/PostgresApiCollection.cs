namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Test classes that share one API in cluster mode on PostgreSQL, one at a time; each test makes
/// its own people, practices and keys.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PostgresApiCollection : ICollectionFixture<PostgresApiFixture>
{
    public const string Name = "PostgreSQL API";
}
