using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans.Configuration;
using Orleans.Dashboard;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using QppOrleans.Grains;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Access;
using QppOrleans.Grains.Accounts;
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
        silo.AddQppAdoNetGrainStorage(AdoNetStorageName, StorageSettings.PostgresInvariant, connectionString);
        return silo.AddQppGrainStorage(StorageMode.Cluster, services => services.GetRequiredKeyedService<IGrainStorage>(AdoNetStorageName));
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
    /// unsent events is woken again after the process restarts. Grain state goes through
    /// <see cref="SqliteGrainStorage"/> and reminder rows are registered and removed through the
    /// same <see cref="SqliteWriter"/>, which commits many grains' writes together; the directory
    /// writes on connections of its own.
    /// </summary>
    public static ISiloBuilder UseQppSqlite(this ISiloBuilder silo, string sqliteConnectionString)
    {
        silo.AddQppGrainServices();
#pragma warning disable CA2000 // One data source per silo, for the life of the process.
        var dataSource = new SqliteDataSource(sqliteConnectionString);
#pragma warning restore CA2000
        silo.Services.AddSingleton<IDirectoryStore>(new SqliteDirectoryStore(dataSource));
        silo.Services.AddSingleton(_ => new SqliteWriter(sqliteConnectionString));
        silo.UseAdoNetReminderService(options =>
        {
            options.Invariant = StorageSettings.SqliteInvariant;
            options.DataSource = dataSource;
        });
        silo.Services.Decorate<IReminderTable>((services, reads) =>
            new SqliteReminderTable(reads, services.GetRequiredService<SqliteWriter>(), ServiceId(services)));
        return silo.AddQppGrainStorage(StorageMode.Embedded, services => new SqliteGrainStorage(
            dataSource,
            services.GetRequiredService<SqliteWriter>(),
            ServiceId(services),
            new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
            services.GetRequiredService<IActivatorProvider>()));

        static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
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
    /// table, the follow-up of pending requests and the password hashing, read from the host's configuration.
    /// </summary>
    public static ISiloBuilder AddQppGrainServices(this ISiloBuilder silo)
    {
        silo.Services.AddQppPermissionTable();
        silo.Services.AddOptions<PendingRequestOptions>().BindConfiguration(PendingRequestOptions.Section);
        silo.Services.AddOptions<PasswordHashingOptions>().BindConfiguration(PasswordHashingOptions.Section)
            .Validate(options => options.Iterations >= PasswordHashingOptions.Fewest, FormattableString.Invariant($"{PasswordHashingOptions.Section}:Iterations must be at least {PasswordHashingOptions.Fewest:N0} (A-5)"))
            .ValidateOnStart();
        silo.Services.TryAddSingleton<Passwords>();
        return silo.AddPlacementDirector<OrganizationPlacement, OrganizationPlacementDirector>();
    }

    /// <summary>
    /// The Orleans ADO.NET grain storage named <paramref name="name"/> on the project's schema, with
    /// Orleans' own version-tolerant serializer, so that the <c>[Id]</c>/<c>[Alias]</c> attributes
    /// keep stored rows readable.
    /// </summary>
    public static ISiloBuilder AddQppAdoNetGrainStorage(this ISiloBuilder silo, string name, string invariant, string connectionString)
    {
        silo.AddAdoNetGrainStorage(name, options =>
        {
            options.Invariant = invariant;
            options.ConnectionString = connectionString;
        });
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(name)
            .Configure<Serializer>((options, serializer) => options.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        return silo;
    }

    /// <summary>
    /// The grain storage every grain uses, <paramref name="store"/> behind <see cref="GuardedGrainStorage"/>,
    /// which counts its writes and the reminder table's under <paramref name="mode"/>
    /// (<see cref="QppMetrics.StorageWrites"/>). Stored types are serialized with Orleans' own
    /// version-tolerant serializer, so that the <c>[Id]</c>/<c>[Alias]</c> attributes keep old rows readable.
    /// </summary>
    public static ISiloBuilder AddQppGrainStorage(this ISiloBuilder silo, string mode, Func<IServiceProvider, IGrainStorage> store)
    {
        silo.Services.Decorate<IReminderTable>((_, table) => new CountedReminderTable(table, mode));
        silo.AddIncomingGrainCallFilter<DatabaseFailures>();
        silo.Services.AddKeyedSingleton<IGrainStorage>(QppStorage.Name, (services, _) => new GuardedGrainStorage(store(services), mode));
        return silo;
    }
}
