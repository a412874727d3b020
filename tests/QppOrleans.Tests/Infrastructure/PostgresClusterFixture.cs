using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.TestingHost;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Two silos and a client on a freshly migrated PostgreSQL database, using the ADO.NET
/// clustering, storage and reminder providers with the project's own schema — so a missing or
/// wrong query fails here, not in production.
/// </summary>
public sealed class PostgresClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("cluster");
        await new SchemaMigrator(SchemaDialect.PostgreSql, ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var builder = new InProcessTestClusterBuilder(2);
        UseDatabaseMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQppPostgres(ConnectionString);
            silo.Configure<ClusterMembershipOptions>(FastFailureDetection);
        });
        builder.ConfigureClient(client => client.UseAdoNetClustering(options =>
        {
            options.Invariant = StorageSettings.PostgresInvariant;
            options.ConnectionString = ConnectionString;
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();

    // The test cluster keeps membership in memory unless told otherwise, and the switch is not
    // public in Orleans 10.4; turning it off makes the silos and the client use the ADO.NET
    // clustering configured above, against the migrated schema.
    internal static void UseDatabaseMembership(InProcessTestClusterOptions options) =>
        typeof(InProcessTestClusterOptions)
            .GetProperty("UseTestClusterMembership", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic)!
            .SetValue(options, false);

    // Declare a killed silo dead within seconds rather than the production default.
    internal static void FastFailureDetection(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.NumProbedSilos = 1;
        options.NumVotesForDeathDeclaration = 1;
    }
}
