using System.Globalization;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using QppOrleans.Silo.Hosting;
using SQLitePCL;

namespace QppOrleans.Silo.Storage;

/// <summary>
/// The one writer of grain state and reminder rows in the embedded SQLite file. Writes are
/// queued, and each transaction takes every write that queued while the one before it was made
/// durable, so that one flush of the disk (<c>synchronous</c> FULL) serves many grains. A caller
/// is answered only after the COMMIT that holds its write has returned (N-2).
/// <para>
/// A write naming a version that is not the stored one changes nothing and answers so (that
/// grain's ETag conflict); the other writes of its transaction go on. A write that fails on its
/// own (SQLite undid the statement and kept the transaction) fails its caller only. If the
/// transaction is lost — it could not begin, SQLite rolled it back, or COMMIT failed — every
/// caller in it fails, none of their writes is kept, and the next transaction opens a fresh
/// connection.
/// </para>
/// <para>
/// Reminder rows share the transactions because a reminder written on a connection of its own
/// waits in SQLite's busy handler for the lock this writer holds nearly all the time in a surge
/// (about a second at the 99th percentile); the reminder table still reads them itself.
/// </para>
/// </summary>
public sealed class SqliteWriter : IDisposable
{
    private readonly Channel<Write> queue = Channel.CreateUnbounded<Write>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SqliteDataSource file;
    private readonly Thread running;

    // The loop's own.
    private Statements? statements;
    private long transactions;
    private long writes;

    public SqliteWriter(string connectionString)
    {
        // Never pooled: closing the connection after a lost transaction closes SQLite's handle,
        // which rolls back whatever it still holds of that transaction.
        file = new SqliteDataSource(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());

        // A thread of its own: it blocks in every COMMIT's flush of the disk, nearly all the time
        // in a surge, and would otherwise hold one of the few thread pool threads grains run on.
        running = new Thread(Run) { IsBackground = true, Name = "SQLite writer" };
        running.Start();
    }

    /// <summary>Transactions committed and the writes they held (conflicts included), since the writer started.</summary>
    public (long Transactions, long Writes) Committed => (Interlocked.Read(ref transactions), Interlocked.Read(ref writes));

    /// <summary>
    /// Stores <paramref name="payload"/> (null: cleared) as the next version of the row of
    /// <paramref name="key"/> if its stored version is <paramref name="expected"/> (null: there is
    /// no row yet). Answers the new version once it is durable, or null if the stored version was
    /// another and nothing changed.
    /// </summary>
    public Task<int?> WriteStateAsync(StateKey key, byte[]? payload, int? expected) =>
        Enqueue(statements => statements.UpsertState(key, payload, expected));

    /// <summary>Registers or moves a reminder (the rows the Orleans ADO.NET reminder table reads) and answers its new ETag.</summary>
    public Task<string> UpsertReminderAsync(string serviceId, ReminderEntry entry) =>
        Enqueue(statements => statements.UpsertReminder(serviceId, entry).ToString(CultureInfo.InvariantCulture));

    /// <summary>Removes a reminder if it is still at <paramref name="etag"/>; answers whether it was.</summary>
    public Task<bool> RemoveReminderAsync(string serviceId, GrainId grainId, string reminderName, string etag) =>
        Enqueue(statements => statements.RemoveReminder(serviceId, grainId, reminderName, int.Parse(etag, CultureInfo.InvariantCulture)));

    /// <summary>Commits what is queued, then closes the file.</summary>
    public void Dispose()
    {
        queue.Writer.TryComplete();
        running.Join();
        file.Dispose();
    }

    private Task<T> Enqueue<T>(Func<Statements, T> statement)
    {
        var write = new Write<T>(statement);
        ObjectDisposedException.ThrowIf(!queue.Writer.TryWrite(write), this);
        return write.Answer;
    }

    private void Run()
    {
        while (queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            CommitQueued();
        }

        statements?.Dispose();
    }

    private void CommitQueued()
    {
        var batch = new List<Write>();
        try
        {
            statements ??= Statements.Open(file);

            // Begun before the writes are taken: those that queued while it waited for SQLite's
            // write lock (held by the directory) join this transaction.
            statements.Begin.ExecuteNonQuery();
        }
#pragma warning disable CA1031 // Not swallowed: every write waiting gets the error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            while (queue.Reader.TryRead(out var waiting))
            {
                batch.Add(waiting);
            }

            Lose(batch, error);
            return;
        }

        try
        {
            while (queue.Reader.TryRead(out var write))
            {
                batch.Add(write);
                Execute(write);
            }

            statements.Commit.ExecuteNonQuery();
        }
#pragma warning disable CA1031 // Not swallowed: every write of the lost transaction gets the error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Lose(batch, error);
            return;
        }

        Interlocked.Increment(ref transactions);
        Interlocked.Add(ref writes, batch.Count(write => !write.Failed));
        foreach (var write in batch)
        {
            write.Durable();
        }
    }

    private void Execute(Write write)
    {
        try
        {
            write.Execute(statements!);
        }
        catch (SqliteException error) when (statements!.InTransaction)
        {
            // SQLite undid this statement alone; the transaction and the other writes go on.
            write.Fail(error);
        }
    }

    /// <summary>The transaction is gone or cannot be trusted: its writes fail, and closing the connection rolls back what is left of it.</summary>
    private void Lose(List<Write> batch, Exception error)
    {
        statements?.Dispose();
        statements = null;
        var code = error is SqliteException sqlite ? sqlite.SqliteErrorCode : raw.SQLITE_ERROR;
        foreach (var write in batch)
        {
            write.Fail(new SqliteException($"Not saved: the SQLite transaction it was part of was rolled back ({error.Message}).", code));
        }
    }

    private abstract class Write
    {
        public abstract bool Failed { get; }

        /// <summary>Runs the statement inside the open transaction and keeps its answer until the commit.</summary>
        public abstract void Execute(Statements statements);

        public abstract void Durable();

        public abstract void Fail(Exception error);
    }

    private sealed class Write<T>(Func<Statements, T> statement) : Write
    {
        private readonly TaskCompletionSource<T> answer = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result = default!;

        public Task<T> Answer => answer.Task;

        public override bool Failed => answer.Task.IsFaulted;

        public override void Execute(Statements statements) => result = statement(statements);

        public override void Durable() => answer.TrySetResult(result);

        public override void Fail(Exception error) => answer.TrySetException(error);
    }

    /// <summary>The writer's connection and its prepared statements.</summary>
    private sealed class Statements : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand upsertState;
        private readonly SqliteCommand upsertReminder;
        private readonly SqliteCommand removeReminder;

        private Statements(SqliteConnection connection)
        {
            this.connection = connection;
            Begin = Prepare("BEGIN IMMEDIATE");
            Commit = Prepare("COMMIT");

            // One statement: it inserts a first version only where none is expected and no row
            // exists, and updates only the expected version; RETURNING answers nothing when it
            // changed nothing. The same contract as the PostgreSQL queries.
            upsertState = Prepare("""
                INSERT INTO qpp_grain_state
                    (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string, payload, version, modified_at)
                SELECT $service, $state, $n0, $n1, $text, $payload, 1, CURRENT_TIMESTAMP
                WHERE $expected IS NULL
                   OR EXISTS (SELECT 1 FROM qpp_grain_state
                              WHERE service_id = $service AND state_name = $state
                                AND grain_id_n0 = $n0 AND grain_id_n1 = $n1 AND grain_id_string = $text)
                ON CONFLICT (service_id, state_name, grain_id_n0, grain_id_n1, grain_id_string) DO UPDATE
                    SET payload = excluded.payload, version = version + 1, modified_at = excluded.modified_at
                    WHERE version = $expected
                RETURNING version;
                """, "$service", "$state", "$n0", "$n1", "$text", "$payload", "$expected");

            // The values the ADO.NET reminder table binds (grain id text, hash as a signed
            // integer, start as a DateTime, period in milliseconds), so that it reads them back.
            upsertReminder = Prepare("""
                INSERT INTO qpp_reminder (service_id, grain_id, reminder_name, start_time, period_ms, grain_hash, version)
                VALUES ($service, $grain, $name, $start, $period, $hash, 0)
                ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE
                    SET start_time = excluded.start_time, period_ms = excluded.period_ms,
                        grain_hash = excluded.grain_hash, version = version + 1
                RETURNING version;
                """, "$service", "$grain", "$name", "$start", "$period", "$hash");
            removeReminder = Prepare("""
                DELETE FROM qpp_reminder
                WHERE service_id = $service AND grain_id = $grain AND reminder_name = $name AND version = $version
                RETURNING 1;
                """, "$service", "$grain", "$name", "$version");
        }

        public SqliteCommand Begin { get; }

        public SqliteCommand Commit { get; }

        /// <summary>Whether SQLite still holds the open transaction (it rolls back by itself on some errors).</summary>
        public bool InTransaction => raw.sqlite3_get_autocommit(connection.Handle) == 0;

        public static Statements Open(SqliteDataSource file)
        {
            var connection = file.Open();
            try
            {
                return new Statements(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public int? UpsertState(StateKey key, byte[]? payload, int? expected) =>
            Run(upsertState, key.ServiceId, key.StateName, key.N0, key.N1, key.Text, payload, expected) is long version ? checked((int)version) : null;

        public int UpsertReminder(string serviceId, ReminderEntry entry) => Convert.ToInt32(
            Run(upsertReminder, serviceId, entry.GrainId.ToString(), entry.ReminderName, entry.StartAt, (long)entry.Period.TotalMilliseconds,
                unchecked((int)entry.GrainId.GetUniformHashCode())),
            CultureInfo.InvariantCulture);

        public bool RemoveReminder(string serviceId, GrainId grainId, string reminderName, int version) =>
            Run(removeReminder, serviceId, grainId.ToString(), reminderName, version) is not null;

        public void Dispose() => connection.Dispose();

        private static object? Run(SqliteCommand command, params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }

            return command.ExecuteScalar();
        }

        private SqliteCommand Prepare(string text, params string[] parameters)
        {
            var command = connection.CreateCommand();
            command.CommandText = text;
            foreach (var name in parameters)
            {
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            }

            command.Prepare();
            return command;
        }
    }
}
