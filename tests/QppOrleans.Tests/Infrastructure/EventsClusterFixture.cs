using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using Orleans.TestingHost;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// Two silos on a fresh PostgreSQL database with the whole event pipeline, sending email to a
/// real SMTP server on loopback. Retry and wake-up periods are seconds instead of minutes.
/// </summary>
public class EventsClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public SmtpTestServer Smtp { get; } = new();

    public string ConnectionString { get; private set; } = null!;

    /// <summary>Seconds here, so that the wake-up after a crash is seen quickly.</summary>
    public virtual TimeSpan WakeUpPeriod => TimeSpan.FromSeconds(3);

    /// <summary>The wake-up reminders the grains of <paramref name="key"/> hold in the database.</summary>
    public async Task<long> RemindersOfAsync(string key)
    {
        await using var connection = new Npgsql.NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM qpp_reminder WHERE grain_id LIKE '%' || @key", connection);
        command.Parameters.AddWithValue("key", key);
        return (long)(await command.ExecuteScalarAsync())!;
    }

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
            ["Events:WakeUpPeriod"] = WakeUpPeriod.ToString(),
        }).Build();

        var builder = new InProcessTestClusterBuilder(2);
        PostgresClusterFixture.UseDatabaseMembership(builder.Options);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQppPostgres(ConnectionString).UseQppEvents(settings);
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
