using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace QppOrleans.Silo.Schema;

/// <summary>
/// Applies the shipped migrations that a database does not have yet, in order, each recorded in
/// <c>qpp_schema_version</c>. All of it runs in one transaction behind a lock (an advisory lock on
/// PostgreSQL, the write lock of <c>BEGIN IMMEDIATE</c> on SQLite), so silos that start at the
/// same moment apply the schema exactly once and nobody sees half of it.
/// </summary>
public sealed class SchemaMigrator(SchemaDialect dialect, string connectionString, ILogger<SchemaMigrator> logger)
{
    // Any fixed 64-bit number: "qppschem" in ASCII.
    private const long AdvisoryLockKey = 0x717070736368656D;

    public SchemaDialect Dialect => dialect;

    /// <summary>Brings the schema up to date; returns the versions it applied (empty when none).</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var migrations = Migration.For(dialect);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        if (dialect == SchemaDialect.PostgreSql)
        {
            await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        }

        await ExecuteAsync(connection, transaction, """
            CREATE TABLE IF NOT EXISTS qpp_schema_version
            (
                version    integer      NOT NULL PRIMARY KEY,
                name       varchar(200) NOT NULL,
                applied_at varchar(40)  NOT NULL,
                applied_by varchar(200) NOT NULL
            )
            """, cancellationToken);

        var applied = await AppliedVersionsAsync(connection, transaction, cancellationToken);
        var done = new List<int>();
        foreach (var migration in migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO qpp_schema_version (version, name, applied_at, applied_by) VALUES (@version, @name, @at, @by)";
            AddParameter(record, "version", migration.Version);
            AddParameter(record, "name", migration.Name);
            AddParameter(record, "at", DateTimeOffset.UtcNow.ToString("O"));
            AddParameter(record, "by", $"{Environment.MachineName}/{Environment.ProcessId}");
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add(migration.Version);
            logger.LogInformation("Applied {Dialect} schema migration {Version} ({Name})", dialect, migration.Version, migration.Name);
        }

        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Dialect} schema is at version {Version}", dialect, migrations.Count == 0 ? 0 : migrations[^1].Version);
        return done;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        DbConnection connection = dialect switch
        {
            SchemaDialect.PostgreSql => new NpgsqlConnection(connectionString),
            _ => new SqliteConnection(connectionString),
        };
        await connection.OpenAsync(cancellationToken);
        if (dialect == SchemaDialect.Sqlite)
        {
            // Write-ahead logging lets readers go on while a write commits; it is a property of
            // the file, so setting it once here is enough. It cannot change inside a transaction.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", cancellationToken);
        }

        return connection;
    }

    private static async Task<HashSet<int>> AppliedVersionsAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT version FROM qpp_schema_version";
        var versions = new HashSet<int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(Convert.ToInt32(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }

        return versions;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
