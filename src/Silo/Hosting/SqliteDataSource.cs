using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The connections the ADO.NET providers use on the embedded SQLite file. Each sets SQLite's own
/// busy timeout when it opens: concurrent grain writes then wait for the file's single writer
/// lock inside SQLite (retrying within milliseconds) instead of failing with SQLITE_BUSY and
/// being retried by Microsoft.Data.Sqlite after a fixed 150 ms pause, which capped the embedded
/// default at a few hundred writes a second under concurrency.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    public override string ConnectionString => connectionString;

    protected override DbConnection CreateDbConnection() => new WaitingConnection(connectionString);

    private sealed class WaitingConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            using var pragma = CreateCommand();
            pragma.CommandText = "PRAGMA busy_timeout = 30000;";
            pragma.ExecuteNonQuery();
        }
    }
}
