using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using QppOrleans.Silo.Schema;
using QppOrleans.Silo.Storage;

namespace QppOrleans.Tests.Storage;

/// <summary>
/// N-2 (nothing acknowledged is lost) at speed on the embedded default: grains' writes (state and
/// reminder rows) are queued and committed together by one writer, each answered only once the
/// commit holding it is done, on the real tables. A write SQLite refuses takes only its own caller
/// down; a lost transaction takes down every write in it and keeps none of them.
/// <para>
/// To put writes in one transaction deterministically, a test holds SQLite's write lock from
/// another connection while it queues them: the writer cannot begin until the lock is given
/// back, and then takes every write that queued.
/// </para>
/// </summary>
public sealed class SqliteWriterTests : IDisposable
{
    private static readonly byte[] Payload = [1, 2, 3];

    private readonly string file = Path.Combine(Path.GetTempPath(), $"qpp-writer-{Guid.NewGuid():N}.db");

    public SqliteWriterTests()
    {
        new SchemaMigrator(SchemaDialect.Sqlite, ConnectionString, NullLogger<SchemaMigrator>.Instance).MigrateAsync().GetAwaiter().GetResult();
        using var setup = Outside();
        Execute(setup, """
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            CREATE TRIGGER refused BEFORE INSERT ON qpp_grain_state WHEN NEW.grain_id_string = 'refused'
                BEGIN SELECT RAISE(ABORT, 'refused on purpose'); END;
            CREATE TRIGGER lost BEFORE INSERT ON qpp_grain_state WHEN NEW.grain_id_string = 'lost'
                BEGIN SELECT RAISE(ROLLBACK, 'lost on purpose'); END;
            CREATE TRIGGER dangling AFTER INSERT ON qpp_grain_state WHEN NEW.grain_id_string = 'dangling'
                BEGIN INSERT INTO child (parent_id) VALUES (999); END;
            """);
    }

    // Foreign keys on, so that a dangling reference fails at COMMIT (deferred constraint).
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, ForeignKeys = true }.ToString();

    [Fact]
    public async Task N2_writes_queued_together_share_one_commit_and_are_answered_after_it()
    {
        using var writer = new SqliteWriter(ConnectionString);
        var writes = await InOneTransactionAsync(writer, [.. Enumerable.Range(0, 50).Select(i => New($"grain-{i}"))]);

        Assert.All(await Task.WhenAll(writes), version => Assert.Equal(1, version));
        Assert.Equal((1, 50), writer.Committed);
        Assert.Equal(50, Count("SELECT COUNT(*) FROM qpp_grain_state WHERE version = 1"));

        // Alone, a write commits at once.
        Assert.Equal(1, await writer.WriteStateAsync(Key("alone"), Payload, expected: null));
        Assert.Equal((2, 51), writer.Committed);
    }

    [Fact]
    public async Task N2_reminder_rows_share_the_transactions_of_grain_state()
    {
        using var writer = new SqliteWriter(ConnectionString);
        var grain = GrainId.Create("probe", "probe/reminded");
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "outbox", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) };
        Task<string> registered;
        await using (var holder = Outside())
        {
            Execute(holder, "BEGIN IMMEDIATE");
            var state = writer.WriteStateAsync(Key("reminded"), Payload, expected: null);
            registered = writer.UpsertReminderAsync("test", entry);
            Execute(holder, "ROLLBACK");
            Assert.Equal(1, await state);
        }

        Assert.Equal("0", await registered);
        Assert.Equal((1, 2), writer.Committed);
        Assert.Equal("1", await writer.UpsertReminderAsync("test", entry));
        Assert.False(await writer.RemoveReminderAsync("test", grain, "outbox", "0"));
        Assert.True(await writer.RemoveReminderAsync("test", grain, "outbox", "1"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM qpp_reminder"));
    }

    [Fact]
    public async Task N2_stale_versions_are_conflicts_of_their_own_grain_and_change_nothing()
    {
        using var writer = new SqliteWriter(ConnectionString);
        Assert.Equal(1, await writer.WriteStateAsync(Key("kept"), Payload, expected: null));
        Assert.Equal(1, await writer.WriteStateAsync(Key("existing"), Payload, expected: null));

        var writes = await InOneTransactionAsync(writer,
            (Key("kept"), [4], 1),         // the stored version: written
            (Key("kept"), [5], 1),         // the same version again, now stale
            (Key("existing"), [6], null),  // a first write of a grain that has a row
            (Key("absent"), [7], 3),       // a version of a grain that has none
            New("created"));

        Assert.Equal(new int?[] { 2, null, null, null, 1 }, await Task.WhenAll(writes));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM qpp_grain_state WHERE grain_id_string = 'kept' AND version = 2 AND payload = x'04'"));
        Assert.Equal(1, Count("SELECT version FROM qpp_grain_state WHERE grain_id_string = 'existing'"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM qpp_grain_state WHERE grain_id_string = 'absent'"));
    }

    [Fact]
    public async Task N2_a_write_SQLite_refuses_fails_alone_and_the_others_of_its_transaction_are_kept()
    {
        using var writer = new SqliteWriter(ConnectionString);
        var (first, refused, last) = Three(await InOneTransactionAsync(writer, New("first"), New("refused"), New("last")));

        Assert.Equal(1, await first);
        Assert.Equal(1, await last);
        var error = await Assert.ThrowsAsync<SqliteException>(() => refused);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT, from RAISE(ABORT)
        Assert.Equal(2, Count("SELECT COUNT(*) FROM qpp_grain_state"));
        Assert.Equal((1, 2), writer.Committed);
    }

    [Fact]
    public async Task N2_a_failed_commit_fails_every_write_in_it_and_keeps_none_of_them()
    {
        using var writer = new SqliteWriter(ConnectionString);

        // Each write succeeds; the COMMIT they share breaks the deferred foreign key.
        var (first, dangling, last) = Three(await InOneTransactionAsync(writer, New("first"), New("dangling"), New("last")));

        foreach (var write in new[] { first, dangling, last })
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => write);
            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT, from the COMMIT
            Assert.Contains("Not saved", error.Message, StringComparison.Ordinal);
        }

        Assert.Equal(0, Count("SELECT COUNT(*) FROM qpp_grain_state"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM child"));
        Assert.Equal((0, 0), writer.Committed);

        // The writer goes on with a fresh connection.
        Assert.Equal(1, await writer.WriteStateAsync(Key("after"), Payload, expected: null));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM qpp_grain_state"));
    }

    [Fact]
    public async Task N2_a_transaction_SQLite_rolls_back_fails_every_write_in_it_and_the_next_is_kept()
    {
        using var writer = new SqliteWriter(ConnectionString);
        var (before, lost, next) = Three(await InOneTransactionAsync(writer, New("before"), New("lost"), New("next")));

        // RAISE(ROLLBACK) undid the whole transaction, the first write too; the write queued
        // behind it was not part of it and is committed by the next one.
        Assert.Contains("rolled back", (await Assert.ThrowsAsync<SqliteException>(() => before)).Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqliteException>(() => lost);
        Assert.Equal(1, await next);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM qpp_grain_state"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM qpp_grain_state WHERE grain_id_string = 'next'"));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static StateKey Key(string text) => new("test", "probe", 0, 0, text);

    private static (StateKey, byte[]?, int?) New(string text) => (Key(text), Payload, null);

    private static (Task<int?>, Task<int?>, Task<int?>) Three(Task<int?>[] writes) => (writes[0], writes[1], writes[2]);

    /// <summary>Queues the writes while SQLite's write lock is held elsewhere, then gives it back.</summary>
    private async Task<Task<int?>[]> InOneTransactionAsync(SqliteWriter writer, params (StateKey Key, byte[]? Payload, int? Expected)[] writes)
    {
        var before = writer.Committed.Transactions;
        Task<int?>[] answers;
        using (var holder = Outside())
        {
            Execute(holder, "BEGIN IMMEDIATE");
            answers = [.. writes.Select(write => writer.WriteStateAsync(write.Key, write.Payload, write.Expected))];

            // Nobody is answered while their transaction cannot begin.
            Assert.DoesNotContain(answers, answer => answer.IsCompleted);
            Execute(holder, "ROLLBACK");
        }

        await Task.WhenAll(answers.Select(answer => answer.ContinueWith(_ => { }, TaskScheduler.Default)));
        Assert.InRange(writer.Committed.Transactions - before, 0, 2);
        return answers;
    }

    private SqliteConnection Outside()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private long Count(string sql)
    {
        using var connection = Outside();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
