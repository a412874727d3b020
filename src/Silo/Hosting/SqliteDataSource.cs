using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The connections the ADO.NET providers use on the embedded SQLite file. Each sets SQLite's own
/// busy timeout when it opens: concurrent writes then wait for the file's single writer lock
/// inside SQLite instead of failing with SQLITE_BUSY and being retried by Microsoft.Data.Sqlite
/// after a fixed 150 ms pause, which capped the embedded default at a few hundred writes a second.
/// <para>
/// With <c>oneAtATime</c> (grain state and reminders: one short statement per connection) a
/// connection also holds a process-wide turn from open to close. SQLite's busy handler sleeps
/// 1, 2, 5, 10, 25 ms… between attempts, so writers queued inside SQLite leave the lock idle
/// most of the time; queued here, the next writer starts the moment the previous one closes.
/// Waiting longer than <see cref="TurnTimeout"/> fails the open, as SQLite's busy timeout would.
/// </para>
/// </summary>
public sealed class SqliteDataSource(string connectionString, bool oneAtATime = false) : DbDataSource
{
    /// <summary>The longest a connection waits for its turn or for SQLite's lock.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    // Never disposed: a connection may give its turn back after the data source is gone, and a
    // SemaphoreSlim whose wait handle is never asked for holds nothing to release.
    private readonly SemaphoreSlim? turns = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new WaitingConnection(connectionString, turns);

    private sealed class WaitingConnection(string connectionString, SemaphoreSlim? turns) : SqliteConnection(connectionString)
    {
        private bool holdsTurn;

        public override void Open()
        {
            if (turns is not null && !holdsTurn)
            {
                TakeTurn(turns.Wait(TurnTimeout));
            }

            OpenHoldingTurn();
        }

        public override async Task OpenAsync(CancellationToken cancellationToken)
        {
            if (turns is not null && !holdsTurn)
            {
                TakeTurn(await turns.WaitAsync(TurnTimeout, cancellationToken));
            }

            OpenHoldingTurn();
        }

        public override void Close()
        {
            try
            {
                base.Close();
            }
            finally
            {
                ReleaseTurn();
            }
        }

        private void TakeTurn(bool taken)
        {
            if (!taken)
            {
                throw new SqliteException($"No turn on the SQLite file within {TurnTimeout.TotalSeconds:0} s.", 5 /* SQLITE_BUSY */);
            }

            holdsTurn = true;
        }

        private void OpenHoldingTurn()
        {
            try
            {
                base.Open();
                using var pragma = CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {(int)TurnTimeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }
            catch
            {
                if (State != ConnectionState.Closed)
                {
                    base.Close();
                }

                ReleaseTurn();
                throw;
            }
        }

        private void ReleaseTurn()
        {
            if (holdsTurn)
            {
                holdsTurn = false;
                turns!.Release();
            }
        }
    }
}
