using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Storage;
using Orleans.TestingHost;
using QppOrleans.Grains;
using QppOrleans.Grains.Diagnostics;
using QppOrleans.Silo.Hosting;
using QppOrleans.Silo.Schema;

namespace QppOrleans.Tests.Storage;

/// <summary>
/// Data files written before the embedded default had its own grain storage stay readable: a row
/// the Orleans ADO.NET provider wrote into <c>qpp_grain_state</c> reads the same through the
/// embedded storage, and a write continues from its version, for each kind of grain key.
/// </summary>
public sealed class SqliteRowsOfTheAdoNetProviderTests : IAsyncLifetime
{
    private const string AdoNet = "adonet-sqlite";
    private const string StateName = "probe";

    private readonly string directory = System.IO.Directory.CreateTempSubdirectory("qpp-rows-").FullName;
    private InProcessTestCluster cluster = null!;

    public static TheoryData<string> Keys => ["string", "integer", "guid"];

    public async Task InitializeAsync()
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(directory, "qpp.db") }.ToString();
        await new SchemaMigrator(SchemaDialect.Sqlite, connectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync();
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseQppSqlite(connectionString);
            silo.AddQppAdoNetGrainStorage(AdoNet, StorageSettings.SqliteInvariant, connectionString);
        });
        cluster = builder.Build();
        await cluster.DeployAsync();
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task A_row_the_provider_wrote_reads_the_same_and_the_next_write_continues_from_its_version(string kind)
    {
        var id = kind switch
        {
            "integer" => GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateIntegerKey(Random.Shared.NextInt64(), "ext")),
            "guid" => GrainId.Create(GrainType.Create("probe"), GrainIdKeyExtensions.CreateGuidKey(Guid.NewGuid(), "ext")),
            _ => GrainId.Create("probe", $"probe/rows-{Guid.NewGuid():N}"),
        };
        var provider = Storage(AdoNet);
        var embedded = Storage(QppStorage.Name);
        var written = new GrainState<ProbeState>(new ProbeState { Value = "by the provider", Writes = 1 });
        await provider.WriteStateAsync(StateName, id, written);

        var read = new GrainState<ProbeState>(new ProbeState());
        await embedded.ReadStateAsync(StateName, id, read);
        Assert.True(read.RecordExists);
        Assert.Equal("by the provider", read.State!.Value);
        Assert.Equal(written.ETag, read.ETag);

        read.State.Value = "by the embedded storage";
        await embedded.WriteStateAsync(StateName, id, read);
        var back = new GrainState<ProbeState>(new ProbeState());
        await provider.ReadStateAsync(StateName, id, back);
        Assert.Equal("by the embedded storage", back.State!.Value);
        Assert.Equal(read.ETag, back.ETag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => embedded.WriteStateAsync(StateName, id, written));
    }

    public async Task DisposeAsync()
    {
        await cluster.DisposeAsync();
        SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    private IGrainStorage Storage(string name) => cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(name);
}
