using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The single writer of the embedded SQLite file: one connection runs every grain-state and
/// reminder statement, one caller at a time, and commits them in groups.
/// <para>
/// A caller's statement runs inside the open transaction under its own savepoint, its results are
/// read into memory, and the caller gets them only after the COMMIT that includes the statement
/// has returned: no one is answered before their change is on disk (N-2). The transaction is
/// committed when no other caller is waiting for the connection, or when it holds
/// <see cref="MaxGroup"/> statements. With one flush per group instead of one per statement, a
/// deadline surge is no longer bound by the disk's flush time.
/// </para>
/// <para>
/// Failures stay with whom they belong: a statement that fails is rolled back to its savepoint and
/// fails its own caller only. If the whole transaction is lost (SQLite rolled it back, or COMMIT
/// failed), every caller in the group fails, none of their changes is kept, and the connection is
/// opened afresh. Reads are group members too, so nothing a caller reads can be undone after it
/// was answered.
/// </para>
/// </summary>
internal sealed class SqliteGroupCommit(string connectionString) : IDisposable
{
    /// <summary>The most statements one transaction takes before it is committed.</summary>
    public const int MaxGroup = 64;

    private static readonly Histogram<int> GroupSizes = QppTelemetry.Meter.CreateHistogram<int>(
        "qpp.sqlite.group_size", unit: "{statement}", description: "Statements made durable by one commit of the embedded SQLite file");

    // Never disposed: a caller may still give the turn back after the writer is disposed, and a
    // SemaphoreSlim whose wait handle is never asked for holds nothing to release.
    private readonly SemaphoreSlim turn = new(1, 1);

    // Callers waiting for the turn or holding it. Whoever brings it to zero commits the open
    // group, so a group never waits for a caller that is not coming.
    private int present;

    // Callers that have taken their place in line, since the writer started.
    private long queued;

    // Guarded by the turn.
    private Statements? connection;
    private Group? open;
    private bool disposed;

    /// <summary>Groups committed and statements in them, since the writer started.</summary>
    public (long Groups, long Statements) Committed { get; private set; }

    /// <summary>Callers that have taken their place in line for the connection since the writer started, those served included.</summary>
    public long Queued => Interlocked.Read(ref queued);

    /// <summary>
    /// Runs <paramref name="command"/> (whose connection must be unset) on the writer's connection
    /// and returns its results once they are durable.
    /// </summary>
    public async Task<BufferedResults> RunAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref present);
        bool taken;
        try
        {
            var waiting = turn.WaitAsync(SqliteDataSource.TurnTimeout, cancellationToken);
            Interlocked.Increment(ref queued);
            taken = await waiting.ConfigureAwait(false);
        }
        catch
        {
            Leave();
            throw;
        }

        if (!taken)
        {
            Leave();
            throw new SqliteException($"No turn on the SQLite file within {SqliteDataSource.TurnTimeout.TotalSeconds:0} s.", raw.SQLITE_BUSY);
        }

        Group group;
        BufferedResults results;
        try
        {
            (group, results) = Execute(command);
        }
        finally
        {
            var last = Interlocked.Decrement(ref present) == 0;
            if (open is not null && (last || open.Size >= MaxGroup))
            {
                Commit();
            }

            turn.Release();
        }

        await group.Durable.ConfigureAwait(false);
        return results;
    }

    public void Dispose()
    {
        turn.Wait();
        try
        {
            if (open is not null)
            {
                Commit();
            }

            disposed = true;
            connection?.Dispose();
            connection = null;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>A caller that gave up before its turn: if it was the last one, the group must still be committed.</summary>
    private void Leave()
    {
        if (Interlocked.Decrement(ref present) == 0)
        {
            _ = CommitLeftOverAsync();
        }
    }

    private async Task CommitLeftOverAsync()
    {
        await turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (open is not null)
            {
                Commit();
            }
        }
        finally
        {
            turn.Release();
        }
    }

    private (Group, BufferedResults) Execute(SqliteCommand command)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        var statements = connection ??= Statements.Open(connectionString);
        if (open is null)
        {
            statements.Begin.ExecuteNonQuery();
            open = new Group();
        }

        var group = open;
        try
        {
            statements.Savepoint.ExecuteNonQuery();
            command.Connection = statements.Connection;
            var results = BufferedResults.Read(command);
            statements.Release.ExecuteNonQuery();
            group.Size++;
            return (group, results);
        }
        catch (Exception error)
        {
            Undo(statements, group, error);
            throw;
        }
        finally
        {
            command.Connection = null;
        }
    }

    /// <summary>Takes back a failed statement's changes, or fails the group if its transaction is gone.</summary>
    private void Undo(Statements statements, Group group, Exception error)
    {
        if (statements.InTransaction)
        {
            try
            {
                statements.RollbackToSavepoint.ExecuteNonQuery();
                statements.Release.ExecuteNonQuery();
                return;
            }
#pragma warning disable CA1031 // Not swallowed: an undo that fails loses the whole group, whose callers all get the error.
            catch (Exception undoError)
#pragma warning restore CA1031
            {
                error = undoError;
            }
        }

        Lose(group, error);
    }

    private void Commit()
    {
        var group = open!;
        try
        {
            connection!.Commit.ExecuteNonQuery();
            open = null;
            if (group.Size > 0)
            {
                // A group whose statements all failed (each rolled back to its savepoint) committed nothing.
                Committed = (Committed.Groups + 1, Committed.Statements + group.Size);
                GroupSizes.Record(group.Size);
            }

            group.Succeed();
        }
#pragma warning disable CA1031 // Not swallowed: every caller of the group gets the error.
        catch (Exception error)
#pragma warning restore CA1031
        {
            Lose(group, error);
        }
    }

    /// <summary>
    /// The group's transaction is gone or cannot be trusted: its callers fail, and closing the
    /// connection rolls back whatever SQLite still holds of it.
    /// </summary>
    private void Lose(Group group, Exception error)
    {
        open = null;
        connection?.Dispose();
        connection = null;
        group.Fail(error);
    }

    private sealed class Group
    {
        private readonly TaskCompletionSource durable = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Size { get; set; }

        public Task Durable => durable.Task;

        public void Succeed() => durable.SetResult();

        public void Fail(Exception error)
        {
            var code = error is SqliteException sqlite ? sqlite.SqliteErrorCode : raw.SQLITE_ERROR;
            durable.SetException(new SqliteException(
                $"Not saved: the SQLite transaction it was part of was rolled back ({error.Message}).", code));

            // A group without callers has no one to observe its failure.
            _ = durable.Task.Exception;
        }
    }

    /// <summary>The writer's connection and the statements it runs around callers' statements.</summary>
    private sealed class Statements : IDisposable
    {
        private Statements(SqliteConnection connection)
        {
            Connection = connection;
            Begin = Prepare("BEGIN IMMEDIATE");
            Savepoint = Prepare("SAVEPOINT caller");
            Release = Prepare("RELEASE caller");
            RollbackToSavepoint = Prepare("ROLLBACK TO caller");
            Commit = Prepare("COMMIT");
        }

        public SqliteConnection Connection { get; }
        public SqliteCommand Begin { get; }
        public SqliteCommand Savepoint { get; }
        public SqliteCommand Release { get; }
        public SqliteCommand RollbackToSavepoint { get; }
        public SqliteCommand Commit { get; }

        /// <summary>Whether SQLite still holds the open transaction (it rolls back by itself on some errors).</summary>
        public bool InTransaction => raw.sqlite3_get_autocommit(Connection.Handle) == 0;

        public static Statements Open(string connectionString)
        {
            var connection = new SqliteDataSource.PatientConnection(connectionString);
            try
            {
                connection.Open();
                return new Statements(connection);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        public void Dispose() => Connection.Dispose();

        private SqliteCommand Prepare(string text)
        {
            var command = Connection.CreateCommand();
            command.CommandText = text;
            command.Prepare();
            return command;
        }
    }
}
