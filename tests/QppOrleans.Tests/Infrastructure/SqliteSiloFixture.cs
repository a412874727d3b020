using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>One silo whose grain state lives in a fresh SQLite file, as in the embedded default.</summary>
public sealed class SqliteSiloFixture : IAsyncLifetime
{
    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("qpp-sqlite-").FullName;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "qpp.db") }.ToString();
        await new SchemaMigrator(SchemaDialect.Sqlite, ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.UseQppSqlite(ConnectionString));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(directory, recursive: true);
    }
}
