using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Tests.Storage;

/// <summary>
/// N-2 (nothing acknowledged is lost) at speed on the embedded default: grain state and reminders
/// go through one writer that commits statements in groups, and answers a caller only once the
/// commit holding its statement is done. A statement that fails takes only its own caller down;
/// a transaction that is lost takes down every caller in it, and keeps none of their changes.
/// <para>
/// To put callers in one group deterministically, a test holds SQLite's write lock from another
/// connection: the first caller then waits for it while holding the writer, the others queue
/// behind, and when the lock is given back they all run before anyone commits.
/// </para>
/// </summary>
public sealed class SqliteGroupCommitTests : IDisposable
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"qpp-group-{Guid.NewGuid():N}.db");

    public SqliteGroupCommitTests()
    {
        using var setup = Outside();
        Execute(setup, """
            PRAGMA journal_mode = WAL;
            CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT NOT NULL);
            CREATE TRIGGER lose_transaction BEFORE INSERT ON t WHEN NEW.v = 'lose' BEGIN SELECT RAISE(ROLLBACK, 'lost on purpose'); END;
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            INSERT INTO t VALUES (1, 'there before');
            """);
    }

    // Foreign keys on, so that a dangling reference fails at COMMIT (deferred constraint).
    private string ConnectionString => new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, ForeignKeys = true }.ToString();

    [Fact]
    public async Task N2_every_acknowledged_statement_is_in_the_file_and_one_commit_serves_many()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);

        await using (var held = await HoldWriteLockAsync())
        {
            var inserts = Enumerable.Range(100, 50).Select(id => StartCaller(source, $"INSERT INTO t VALUES ({id}, 'x')")).ToArray();
            await QueuedAsync(source, 50);
            Assert.DoesNotContain(inserts, insert => insert.IsCompleted);
            await held.DisposeAsync();
            Assert.All(await Task.WhenAll(inserts), affected => Assert.Equal(1, affected));
        }

        Assert.Equal(51, Count("SELECT COUNT(*) FROM t"));
        Assert.Equal(50, source.Committed.Statements);
        Assert.InRange(source.Committed.Groups, 1, 3);

        // Alone, a caller commits at once.
        await RunAsync(source, "INSERT INTO t VALUES (200, 'alone')");
        Assert.Equal(1, Count("SELECT COUNT(*) FROM t WHERE id = 200"));
    }

    [Fact]
    public async Task N2_a_failing_statement_fails_its_own_caller_and_none_of_its_changes_stay()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        var (first, failing, last) = await InOneGroupAsync(source,
            "INSERT INTO t VALUES (10, 'first')",
            // Its first insert succeeds, its second breaks the primary key.
            "INSERT INTO t VALUES (11, 'half'); INSERT INTO t VALUES (1, 'duplicate')",
            "INSERT INTO t VALUES (12, 'last')");

        Assert.Equal(1, await first);
        Assert.Equal(1, await last);
        var error = await Assert.ThrowsAsync<SqliteException>(() => failing);
        Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(2, Count("SELECT COUNT(*) FROM t WHERE id IN (10, 12)"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM t WHERE id = 11"));
        Assert.Equal((1, 2), source.Committed);

        // Alone, it fails the same way, and its empty transaction is not counted as a group.
        await Assert.ThrowsAsync<SqliteException>(() => RunAsync(source, "INSERT INTO t VALUES (1, 'duplicate')"));
        Assert.Equal((1, 2), source.Committed);
    }

    [Fact]
    public async Task N2_a_lost_transaction_fails_every_caller_in_it_and_the_writer_goes_on()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        var (before, losing, after) = await InOneGroupAsync(source,
            "INSERT INTO t VALUES (20, 'before')",
            "INSERT INTO t VALUES (21, 'lose')",
            "INSERT INTO t VALUES (22, 'after')");

        // The trigger's RAISE(ROLLBACK) undid the whole transaction, the first caller's insert too.
        var lost = await Assert.ThrowsAsync<SqliteException>(() => before);
        Assert.Contains("rolled back", lost.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<SqliteException>(() => losing);
        Assert.Equal(0, Count("SELECT COUNT(*) FROM t WHERE id IN (20, 21)"));

        // The next caller gets a fresh transaction.
        Assert.Equal(1, await after);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM t WHERE id = 22"));
    }

    [Fact]
    public async Task N2_a_failed_commit_fails_every_caller_in_the_group_and_keeps_nothing()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        var (first, dangling, last) = await InOneGroupAsync(source,
            "INSERT INTO t VALUES (30, 'first')",
            // Deferred: the statement succeeds, the COMMIT it joins does not.
            "INSERT INTO child VALUES (1, 999)",
            "INSERT INTO t VALUES (31, 'last')");

        foreach (var caller in new[] { first, dangling, last })
        {
            var error = await Assert.ThrowsAsync<SqliteException>(() => caller);
            Assert.Equal(19, error.SqliteErrorCode); // SQLITE_CONSTRAINT, from the COMMIT
        }

        Assert.Equal(0, Count("SELECT COUNT(*) FROM t WHERE id IN (30, 31)") + Count("SELECT COUNT(*) FROM child"));
        Assert.Equal((0, 0), source.Committed);

        Assert.Equal(1, await RunAsync(source, "INSERT INTO t VALUES (32, 'next')"));
        Assert.Equal(1, Count("SELECT COUNT(*) FROM t WHERE id = 32"));
    }

    [Fact]
    public async Task A_reader_gives_every_result_set_and_the_rows_changed_as_Microsoft_Data_Sqlite_does()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        await using var connection = await source.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO t VALUES (40, 'x'), (41, 'y');
            SELECT 42 AS Number, 'text' AS Text, NULL AS Empty, x'0102' AS Bytes, '2026-11-23 10:30:00' AS Moment, 2.5 AS Real;
            SELECT id FROM t WHERE id >= 40 ORDER BY id;
            """;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@unused";
        parameter.Value = 1;
        command.Parameters.Add(parameter);

        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(reader.HasRows);
        Assert.True(await reader.ReadAsync());
        Assert.Equal(42, reader.GetInt32(reader.GetOrdinal("number")));
        Assert.Equal(typeof(long), reader.GetFieldType(0));
        Assert.Equal("text", reader.GetString(1));
#pragma warning disable CA1849 // The writer's reader must answer the synchronous calls Orleans' providers make.
        Assert.True(reader.IsDBNull(2));
#pragma warning restore CA1849
        Assert.Throws<InvalidOperationException>(() => reader.GetInt64(2));
        Assert.Equal(new byte[] { 1, 2 }, (byte[])reader.GetValue(3));
        Assert.Equal(new DateTime(2026, 11, 23, 10, 30, 0), reader.GetDateTime(4));
        Assert.Equal(2.5, reader.GetDouble(5));
        Assert.Throws<IndexOutOfRangeException>(() => reader.GetOrdinal("missing"));
        Assert.False(await reader.ReadAsync());

        Assert.True(await reader.NextResultAsync());
        var ids = new List<long>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetInt64(0));
        }

        Assert.Equal(new long[] { 40, 41 }, ids);
        Assert.False(await reader.NextResultAsync());
        Assert.Equal(2, reader.RecordsAffected);
    }

    [Fact]
    public async Task A_caller_that_gives_up_while_queued_changes_nothing_and_the_others_go_on()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        using var giveUp = new CancellationTokenSource();
        Task<int> first, cancelled;
        await using (var held = await HoldWriteLockAsync())
        {
            first = await QueueAsync(source, "INSERT INTO t VALUES (50, 'first')");
            cancelled = await QueueAsync(source, "INSERT INTO t VALUES (51, 'cancelled')", giveUp.Token);
            await giveUp.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        }

        Assert.Equal(1, await first);
        Assert.Equal(1, Count("SELECT COUNT(*) FROM t WHERE id = 50"));
        Assert.Equal(0, Count("SELECT COUNT(*) FROM t WHERE id = 51"));
    }

    [Fact]
    public async Task A_writer_that_cannot_open_the_file_fails_each_command_without_waiting()
    {
        var missingFolder = new SqliteConnectionStringBuilder { DataSource = Path.Combine(file + ".missing", "x.db"), Pooling = false }.ToString();
        using var source = new SqliteDataSource(missingFolder, groupCommit: true);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Assert.ThrowsAsync<SqliteException>(() => RunAsync(source, "SELECT 1").WaitAsync(TimeSpan.FromSeconds(5)));
        }
    }

    [Fact]
    public async Task Commands_of_the_writer_cannot_join_a_transaction_of_their_own()
    {
        using var source = new SqliteDataSource(ConnectionString, groupCommit: true);
        await using var connection = await source.OpenConnectionAsync();
        Assert.Throws<NotSupportedException>(() => connection.BeginTransaction());
    }

    [Fact]
    public async Task Without_group_commit_connections_open_side_by_side()
    {
        using var source = new SqliteDataSource(ConnectionString);
        await using var first = await source.OpenConnectionAsync();
        await using var second = await source.OpenConnectionAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(ConnectionState.Open, second.State);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }

    private static async Task<int> RunAsync(DbDataSource source, string sql, CancellationToken cancellationToken = default)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Starts a caller and waits until the writer has it in line, so that callers queue in the order they are started.</summary>
    private static async Task<Task<int>> QueueAsync(SqliteDataSource source, string sql, CancellationToken cancellationToken = default)
    {
        var inLine = source.Queued + 1;
        var caller = StartCaller(source, sql, cancellationToken);
        await QueuedAsync(source, inLine);
        return caller;
    }

    /// <summary>Waits until <paramref name="count"/> callers have taken their place in the writer's line.</summary>
    private static async Task QueuedAsync(SqliteDataSource source, long count)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (source.Queued < count)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"{source.Queued} of {count} callers in line after 10 s");
            await Task.Delay(1);
        }
    }

    /// <summary>
    /// A caller on a thread of its own: the first one blocks in SQLite's busy handler while the
    /// test holds the lock, and with other tests keeping the thread pool busy a pooled caller
    /// could wait long for a thread before it even gets in line.
    /// </summary>
    private static Task<int> StartCaller(DbDataSource source, string sql, CancellationToken cancellationToken = default) =>
        Task.Factory.StartNew(() => RunAsync(source, sql, cancellationToken), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap();

    /// <summary>Three callers, queued in this order behind a held write lock, then let go together.</summary>
    private async Task<(Task<int>, Task<int>, Task<int>)> InOneGroupAsync(SqliteDataSource source, string first, string second, string third)
    {
        await using var held = await HoldWriteLockAsync();
        return (await QueueAsync(source, first), await QueueAsync(source, second), await QueueAsync(source, third));
    }

    private async Task<SqliteConnection> HoldWriteLockAsync()
    {
        var connection = Outside();
        Execute(connection, "BEGIN IMMEDIATE");
        await Task.Yield();
        return connection;
    }

    private SqliteConnection Outside()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString());
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
        return (long)command.ExecuteScalar()!;
    }
}
