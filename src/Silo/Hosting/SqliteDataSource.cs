using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// Connections to the embedded SQLite file that set SQLite's own busy timeout when they open: a
/// write then waits for the file's single writer lock inside SQLite instead of failing with
/// SQLITE_BUSY and being retried by Microsoft.Data.Sqlite after a fixed 150 ms pause. The
/// directory's batches write beside the grain state and reminder writer
/// (<see cref="Storage.SqliteWriter"/>, which opens its connection here too).
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    /// <summary>The longest a statement waits for SQLite's writer lock.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public override string ConnectionString => connectionString;

    /// <summary>An open connection (the caller disposes it).</summary>
    public SqliteConnection Open() => (SqliteConnection)OpenConnection();

    protected override DbConnection CreateDbConnection() => new PatientConnection(connectionString);

    private sealed class PatientConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            try
            {
                using var pragma = base.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }
            catch
            {
                base.Close();
                throw;
            }
        }
    }
}
