using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.TestingHost;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Two silos on a fresh PostgreSQL database with the whole event pipeline, sending email to a
/// real SMTP server on loopback, and a reminder table that can be told to fail. Retry and wake-up periods are seconds instead of minutes.
/// </summary>
public sealed class EventsClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SmtpTestServer Smtp { get; } = new();

    public string ConnectionString { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        ConnectionString = await TestPostgres.CreateDatabaseAsync("events");
        await new SchemaMigrator(SchemaDialect.PostgreSql, ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Email:Delivery"] = "Smtp",
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Smtp:Timeout"] = "00:00:05",
            ["Email:RetryDelay"] = "00:00:00.250",
            ["Email:MaxRetryDelay"] = "00:00:01",
            ["Events:RetryDelay"] = "00:00:01",
            ["Events:MaxRetryDelay"] = "00:00:02",
            ["Events:WakeUpPeriod"] = "00:00:03",
        }).Build();

        var builder = new InProcessTestClusterBuilder(2);
        PostgresClusterFixture.UseDatabaseMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQppPostgres(ConnectionString).UseQppEvents(settings);
            FaultyReminderTable.Install(silo.Services);
            silo.Configure<ClusterMembershipOptions>(PostgresClusterFixture.FastFailureDetection);
            silo.Configure<ReminderOptions>(options => options.MinimumReminderPeriod = TimeSpan.FromSeconds(1));
        });
        builder.ConfigureClient(client => client.UseAdoNetClustering(options =>
        {
            options.Invariant = StorageSettings.PostgresInvariant;
            options.ConnectionString = ConnectionString;
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
