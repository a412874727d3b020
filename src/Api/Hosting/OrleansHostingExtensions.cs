using Microsoft.Data.Sqlite;
using Orleans.Configuration;
using Orleans.Dashboard;
using QppOrleans.Grains.Runtime;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Api.Hosting;

public static class OrleansHostingExtensions
{
    /// <summary>
    /// Without <c>ConnectionStrings:Orleans</c>: a co-hosted silo on localhost with grain state in a
    /// SQLite file. With it: an Orleans client that finds the silos' gateways in PostgreSQL.
    /// </summary>
    public static OrleansMode AddQppOrleans(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString(StorageSettings.ConnectionStringName);
        var settings = builder.Configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        OrleansMode mode;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataFile = Path.GetFullPath(
                builder.Configuration[StorageSettings.DataFileKey] ?? StorageSettings.DefaultDataFile,
                builder.Environment.ContentRootPath);
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(dataFile)!);
            var sqlite = new SqliteConnectionStringBuilder { DataSource = dataFile, Pooling = true }.ToString();
            builder.UseOrleans(silo => silo.UseQppEmbedded(builder.Configuration, sqlite));
            builder.Services.AddSingleton(services => new SchemaMigrator(SchemaDialect.Sqlite, sqlite, services.GetRequiredService<ILogger<SchemaMigrator>>()));
            mode = new OrleansMode(dataFile);
        }
        else
        {
            builder.UseOrleansClient(client =>
            {
                client.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = settings.ClusterId;
                    options.ServiceId = settings.ServiceId;
                });
                client.UseAdoNetClustering(options =>
                {
                    options.Invariant = StorageSettings.PostgresInvariant;
                    options.ConnectionString = connectionString;
                });
                client.AddOutgoingGrainCallFilter<TransientCallRetry>();
                client.AddDashboard(QppDashboard.Configure);

                // A call sent through a gateway that died is answered (503) within seconds (Failover).
                client.Services.Configure<ClientMessagingOptions>(Failover.Messaging);
                client.Services.Configure<ClientMessagingOptions>(builder.Configuration.GetSection(OrleansSettings.Section + ":MessagingOptions"));
                if (ClusterTls.From(builder.Configuration) is { } tls)
                {
                    var certificate = tls.LoadCertificate();
                    client.UseTls(certificate, options => tls.Configure(options, certificate));
                }

                if (QppTelemetry.IsTracing(builder.Configuration))
                {
                    client.AddActivityPropagation();
                }

                // Keep trying while the silos start; readiness answers 503 meanwhile.
                client.UseConnectionRetryFilter(async (exception, cancellationToken) =>
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
                    return true;
                });
            });
            mode = new OrleansMode(null);
        }

        builder.Services.AddSingleton(mode);
        return mode;
    }
}
