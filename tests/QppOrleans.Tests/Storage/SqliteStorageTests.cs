using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Storage;

public sealed class SqliteStorageTests(SqliteSiloFixture fixture)
    : OptimisticConcurrencyContract(fixture.Cluster), IClassFixture<SqliteSiloFixture>;
