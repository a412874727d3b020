using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using QppOrleans.Silo.Schema;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Schema;

public sealed class MigrationTests
{
    // The query keys the Orleans 10.4 ADO.NET providers refuse to start without.
    private static readonly string[] ClusteringQueries =
    [
        "InsertMembershipVersionKey", "InsertMembershipKey", "UpdateMembershipKey", "UpdateIAmAlivetimeKey",
        "MembershipReadRowKey", "MembershipReadAllKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    private static readonly string[] StorageQueries = ["ReadFromStorageKey", "WriteToStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    private static readonly string[] ReminderQueries =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    [Theory]
    [InlineData(SchemaDialect.PostgreSql)]
    [InlineData(SchemaDialect.Sqlite)]
    public void Each_dialect_ships_migrations_numbered_from_one_without_gaps(SchemaDialect dialect)
    {
        var migrations = Migration.For(dialect);

        Assert.NotEmpty(migrations);
        Assert.Equal(Enumerable.Range(1, migrations.Count), migrations.Select(m => m.Version));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }

    [Fact]
    public async Task Three_silos_migrating_an_empty_PostgreSQL_database_at_once_apply_each_migration_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("migrate");
        var migrators = Enumerable.Range(0, 3)
            .Select(_ => new SchemaMigrator(SchemaDialect.PostgreSql, connectionString, NullLogger<SchemaMigrator>.Instance));

        var applied = await Task.WhenAll(migrators.Select(m => m.MigrateAsync()));

        var shipped = Migration.For(SchemaDialect.PostgreSql).Select(m => m.Version).ToList();
        Assert.Single(applied, versions => versions.Count > 0);
        Assert.Equal(shipped, applied.SelectMany(versions => versions).Order());
        Assert.Equal(shipped.Count, await TestPostgres.ScalarAsync<int>(connectionString, "SELECT count(*) FROM qpp_schema_version"));
        Assert.Empty(await new SchemaMigrator(SchemaDialect.PostgreSql, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync());
    }

    [Fact]
    public async Task PostgreSQL_schema_holds_every_query_the_clustering_storage_and_reminder_providers_read()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("queries");
        await new SchemaMigrator(SchemaDialect.PostgreSql, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        foreach (var key in ClusteringQueries.Concat(StorageQueries).Concat(ReminderQueries))
        {
            Assert.Equal(1, await TestPostgres.ScalarAsync<int>(connectionString, $"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'"));
        }
    }

    [Fact]
    public async Task SQLite_schema_is_applied_once_and_holds_the_storage_queries()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("qpp-migrate-").FullName;
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "qpp.db") }.ToString();
        try
        {
            var first = await new SchemaMigrator(SchemaDialect.Sqlite, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            var second = await new SchemaMigrator(SchemaDialect.Sqlite, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

            Assert.Equal(Migration.For(SchemaDialect.Sqlite).Select(m => m.Version), first);
            Assert.Empty(second);
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            foreach (var key in StorageQueries)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT count(*) FROM OrleansQuery WHERE QueryKey = '{key}'";
                Assert.Equal(1L, await command.ExecuteScalarAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }
}
