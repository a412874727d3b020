using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Configuration;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The API in cluster mode: an Orleans client finding, through PostgreSQL, a silo host started
/// in this process with the production cluster configuration (real TCP between them).
/// </summary>
public class PostgresApiFixture : ApiFixture
{
    private IHost? silo;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Contacts a registration may hold (<c>Registration:MaxContacts</c>).</summary>
    protected virtual int MaxContacts => 10;

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        var connectionString = ConnectionString = await CreateDatabaseAsync();
        await new SchemaMigrator(SchemaDialect.PostgreSql, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        var settings = new Dictionary<string, string?>
        {
            ["Orleans:SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans:AdvertisedIP"] = "127.0.0.1",
            ["Email:Delivery"] = "DevelopmentSink",
            ["Registration:CurrentYear"] = "2026",
            ["Registration:Windows:2026:Opens"] = "2026-01-04T10:00:00",
            ["Registration:Windows:2026:Closes"] = "2027-06-30T20:00:00",
            ["Registration:MaxContacts"] = MaxContacts.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [CheapPasswords.Key] = CheapPasswords.Iterations,
        };
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.UseOrleans(s => s.UseQppCluster(builder.Configuration, connectionString));
        builder.Services.Configure<ClusterMembershipOptions>(options => options.NumMissedProbesLimit = 2);
        silo = builder.Build();
        await silo.StartAsync();
        return new Dictionary<string, string?> { ["ConnectionStrings:Orleans"] = connectionString };
    }

    /// <summary>An empty database on the shared test server; a variant may bring its own server.</summary>
    protected virtual Task<string> CreateDatabaseAsync() => TestPostgres.CreateDatabaseAsync("api");

    protected override async Task CleanUpAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}
