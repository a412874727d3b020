using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Storage;

public sealed class PostgresStorageTests(PostgresClusterFixture fixture)
    : OptimisticConcurrencyContract(fixture.Cluster), IClassFixture<PostgresClusterFixture>;
