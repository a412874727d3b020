using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using QppOrleans.Grains;
using QppOrleans.Grains.Diagnostics;

namespace QppOrleans.Tests.Storage;

/// <summary>
/// What the grain storage promises on either database: the version read is the version a write
/// must name, and a write naming a stale version changes nothing (no lost update).
/// </summary>
public abstract class OptimisticConcurrencyContract(InProcessTestCluster cluster)
{
    private const string StateName = "probe";

    protected IGrainStorage Storage => cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(QppStorage.Name);

    [Fact]
    public async Task A_write_with_a_stale_version_is_refused_and_the_first_write_stays()
    {
        var id = NewGrainId();
        var original = State("v0", etag: null);
        await Storage.WriteStateAsync(StateName, id, original);
        var alice = State("alice", original.ETag);
        var bob = State("bob", original.ETag);

        await Storage.WriteStateAsync(StateName, id, alice);
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, bob));

        var stored = await ReadAsync(id);
        Assert.Equal("alice", stored.State!.Value);
        Assert.Equal(alice.ETag, stored.ETag);
    }

    [Fact]
    public async Task Of_ten_concurrent_writers_holding_the_same_version_exactly_one_succeeds()
    {
        var id = NewGrainId();
        var original = State("v0", etag: null);
        await Storage.WriteStateAsync(StateName, id, original);
        var writers = Enumerable.Range(0, 10).Select(i => State($"writer-{i}", original.ETag)).ToList();

        var outcomes = await Task.WhenAll(writers.Select(async writer =>
        {
            try
            {
                await Storage.WriteStateAsync(StateName, id, writer);
                return writer.State!.Value;
            }
            catch (InconsistentStateException)
            {
                return null;
            }
        }));

        var winner = Assert.Single(outcomes, value => value is not null);
        Assert.Equal(winner, (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task Two_first_writes_of_the_same_grain_cannot_both_create_it()
    {
        var id = NewGrainId();

        await Storage.WriteStateAsync(StateName, id, State("first", etag: null));
        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, State("second", etag: null)));

        Assert.Equal("first", (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task A_cleared_state_reads_as_new_and_the_next_write_continues_from_its_version()
    {
        var id = NewGrainId();
        var state = State("v1", etag: null);
        await Storage.WriteStateAsync(StateName, id, state);

        await Storage.ClearStateAsync(StateName, id, state);
        var cleared = await ReadAsync(id);
        Assert.False(cleared.RecordExists);
        Assert.Null(cleared.State!.Value);

        cleared.State!.Value = "v2";
        await Storage.WriteStateAsync(StateName, id, cleared);
        Assert.Equal("v2", (await ReadAsync(id)).State!.Value);
    }

    [Fact]
    public async Task A_grain_never_written_reads_as_new_without_a_version()
    {
        var stored = await ReadAsync(NewGrainId());

        Assert.False(stored.RecordExists);
        Assert.Null(stored.ETag);
    }

    private async Task<GrainState<ProbeState>> ReadAsync(GrainId id)
    {
        var state = new GrainState<ProbeState>(new ProbeState());
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    private static GrainState<ProbeState> State(string value, string? etag) =>
        new(new ProbeState { Value = value, Writes = 1 }) { ETag = etag };

    private static GrainId NewGrainId() => GrainId.Create("probe", $"probe/concurrency-{Guid.NewGuid():N}");

    [Fact]
    public async Task Reminders_round_trip_through_the_reminder_table()
    {
        var table = cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("probe", $"probe/reminder-{Guid.NewGuid():N}");
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "outbox", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) };

        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);
        var row = await table.ReadRow(grain, "outbox");
        var hash = grain.GetUniformHashCode();

        Assert.NotEqual(first, second);
        Assert.Equal(second, row!.ETag);
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        Assert.Contains((await table.ReadRows(grain)).Reminders, r => r.ReminderName == "outbox");
        Assert.Contains((await table.ReadRows(unchecked(hash - 1), hash)).Reminders, r => r.GrainId == grain);
        Assert.Contains((await table.ReadRows(unchecked(hash + 1), hash)).Reminders, r => r.GrainId == grain);
        Assert.False(await table.RemoveRow(grain, "outbox", first!));
        Assert.True(await table.RemoveRow(grain, "outbox", second!));
        Assert.Null(await table.ReadRow(grain, "outbox"));
    }
}
