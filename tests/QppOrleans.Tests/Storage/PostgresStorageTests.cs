using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Storage;

[Collection(PostgresClusterCollection.Name)]
public sealed class PostgresStorageTests(PostgresClusterFixture fixture) : OptimisticConcurrencyContract(fixture.Cluster);
