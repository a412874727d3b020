using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Storage;
using QppOrleans.Grains;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Directory;
using QppOrleans.Grains.Runtime;
using QppOrleans.Silo.Storage;

namespace QppOrleans.Silo.Hosting;

/// <summary>How a silo is put together, in either of the two ways the service runs.</summary>
public static class QppSilo
{
    private const string AdoNetStorageName = "adonet";

    /// <summary>A cluster member: membership, grain state and reminders in PostgreSQL.</summary>
    public static ISiloBuilder UseQppCluster(this ISiloBuilder silo, IConfiguration configuration, string connectionString)
    {
        var settings = configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = settings.ClusterId;
            options.ServiceId = settings.ServiceId;
        });
        if (string.IsNullOrWhiteSpace(settings.AdvertisedIP))
        {
            silo.ConfigureEndpoints(settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }
        else
        {
            silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIP), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
        }

        if (ClusterTls.From(configuration) is { } tls)
        {
            var certificate = tls.LoadCertificate();
            silo.UseTls(certificate, options => tls.Configure(options, certificate));
        }

        // Failure detection in seconds (Failover), then what operators set; the reminder floor likewise (Orleans' default otherwise).
        silo.Services.Configure<ClusterMembershipOptions>(Failover.Membership);
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansSettings.Section + ":MembershipOptions"));
        silo.Services.Configure<SiloMessagingOptions>(Failover.Messaging);
        silo.Services.Configure<SiloMessagingOptions>(configuration.GetSection(OrleansSettings.Section + ":MessagingOptions"));
        silo.Services.Configure<ReminderOptions>(configuration.GetSection(OrleansSettings.Section + ":ReminderOptions"));
        return silo.UseQppPostgres(connectionString).UseQppEvents(configuration).UseQppTracing(configuration).AddDashboard(QppDashboard.Configure);
    }

    /// <summary>
    /// Grain calls carry the caller's trace when spans are exported. Without an exporter the
    /// filters would only cost time: every grain call passes through both.
    /// </summary>
    public static ISiloBuilder UseQppTracing(this ISiloBuilder silo, IConfiguration configuration)
    {
        if (QppTelemetry.IsTracing(configuration))
        {
            silo.AddActivityPropagation();
        }

        return silo;
    }

    /// <summary>
    /// Membership, reminders and grain state in PostgreSQL (endpoints and ids set elsewhere). Silos
    /// come and go in such a cluster, so calls a leaving silo refused are sent again
    /// (<see cref="TransientCallRetry"/>); the embedded default's single silo has no such calls and
    /// does not pay for the filter on every grain call.
    /// </summary>
    public static ISiloBuilder UseQppPostgres(this ISiloBuilder silo, string connectionString)
    {
        silo.AddOutgoingGrainCallFilter<TransientCallRetry>();
        silo.AddQppGrainServices();
        silo.UseAdoNetClustering(options =>
        {
            options.Invariant = StorageSettings.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = StorageSettings.PostgresInvariant;
            options.ConnectionString = connectionString;
        });
#pragma warning disable CA2000 // One data source per silo, for the life of the process.
        silo.Services.AddSingleton<IDirectoryStore>(new PostgresDirectoryStore(NpgsqlDataSource.Create(connectionString)));
#pragma warning restore CA2000
        return silo.AddQppGrainStorage(StorageMode.Cluster, StorageSettings.PostgresInvariant, connectionString);
    }

    /// <summary>The single silo of the embedded default: localhost clustering, state and reminders in a SQLite file.</summary>
    public static ISiloBuilder UseQppEmbedded(this ISiloBuilder silo, IConfiguration configuration, string sqliteConnectionString)
    {
        var settings = configuration.GetSection(OrleansSettings.Section).Get<OrleansSettings>() ?? new OrleansSettings();
        silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort, serviceId: settings.ServiceId, clusterId: settings.ClusterId);
        silo.Services.Configure<ReminderOptions>(configuration.GetSection(OrleansSettings.Section + ":ReminderOptions"));
        return silo.UseQppSqlite(sqliteConnectionString).UseQppEvents(configuration).UseQppTracing(configuration).AddDashboard(QppDashboard.Configure);
    }

    /// <summary>
    /// Reminders and grain state in a SQLite file. Reminders are stored too, so that a grain with
    /// unsent events is woken again after the process restarts.
    /// </summary>
    public static ISiloBuilder UseQppSqlite(this ISiloBuilder silo, string sqliteConnectionString)
    {
        silo.AddQppGrainServices();

        // Grain state and reminders go through one writer that commits them in groups (see
        // SqliteGroupCommit); the directory's batches and searches have their own connections,
        // searches read concurrently beside the writer.
#pragma warning disable CA2000 // One writer and one directory source per silo, for the life of the process.
        var dataSource = new SqliteDataSource(sqliteConnectionString, groupCommit: true);
        silo.Services.AddSingleton<IDirectoryStore>(new SqliteDirectoryStore(new SqliteDataSource(sqliteConnectionString)));
#pragma warning restore CA2000
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = StorageSettings.SqliteInvariant;
            options.DataSource = dataSource;
        });
        return silo.AddQppGrainStorage(StorageMode.Embedded, StorageSettings.SqliteInvariant, sqliteConnectionString, dataSource);
    }

    /// <summary>A-20: the permission table of <c>Access:PermissionTableFile</c>, or the shipped one; for silos and for the API that shows it.</summary>
    public static IServiceCollection AddQppPermissionTable(this IServiceCollection services)
    {
        services.TryAddSingleton(provider => Permissions.From(provider.GetRequiredService<IConfiguration>()[Permissions.FileKey]));
        return services;
    }

    /// <summary>
    /// What every silo's grains need whatever the store: an organization's grain and its
    /// registrations' grains share a silo (<see cref="OrganizationPlacement"/>), the permission
    /// table and the follow-up of pending requests, both read from the host's configuration.
    /// </summary>
    public static ISiloBuilder AddQppGrainServices(this ISiloBuilder silo)
    {
        silo.Services.AddQppPermissionTable();
        silo.Services.AddOptions<PendingRequestOptions>().BindConfiguration(PendingRequestOptions.Section);
        return silo.AddPlacementDirector<OrganizationPlacement, OrganizationPlacementDirector>();
    }

    /// <summary>
    /// The grain storage every grain uses, with Orleans' own version-tolerant serializer so that
    /// the <c>[Id]</c>/<c>[Alias]</c> attributes on stored types keep old rows readable. Its writes
    /// and the reminder table's are counted under <paramref name="mode"/> (<see cref="QppMetrics.StorageWrites"/>).
    /// </summary>
    public static ISiloBuilder AddQppGrainStorage(this ISiloBuilder silo, string mode, string invariant, string connectionString, System.Data.Common.DbDataSource? dataSource = null)
    {
        silo.Services.Decorate<IReminderTable>((_, table) => new CountedReminderTable(table, mode));
        silo.AddIncomingGrainCallFilter<DatabaseFailures>();
        silo.AddAdoNetGrainStorage(AdoNetStorageName, options =>
        {
            // The providers take a connection string or a data source, not both.
            options.Invariant = invariant;
            options.ConnectionString = dataSource is null ? connectionString : null!;
            options.DataSource = dataSource;
        });
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(AdoNetStorageName)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.Services.AddKeyedSingleton<IGrainStorage>(QppStorage.Name, (services, _) =>
            new GuardedGrainStorage(services.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName), mode));
        return silo;
    }
}
