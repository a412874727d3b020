using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The connections the ADO.NET providers use on the embedded SQLite file.
/// <para>
/// Plain connections (the directory's batches and searches) set SQLite's own busy timeout when
/// they open: a write then waits for the file's single writer lock inside SQLite instead of
/// failing with SQLITE_BUSY and being retried by Microsoft.Data.Sqlite after a fixed 150 ms pause.
/// </para>
/// <para>
/// With <c>groupCommit</c> (grain state and reminders: one short command per connection) the
/// connections are handles on one <see cref="SqliteGroupCommit"/> writer: opening one costs
/// nothing, and each command runs on the writer's connection and returns once it is committed.
/// The providers cannot tell the difference; they never hold a transaction of their own.
/// </para>
/// </summary>
public sealed class SqliteDataSource(string connectionString, bool groupCommit = false) : DbDataSource
{
    /// <summary>The longest a command waits for the writer or for SQLite's lock.</summary>
    public static readonly TimeSpan TurnTimeout = TimeSpan.FromSeconds(30);

    private readonly SqliteGroupCommit? writer = groupCommit ? new SqliteGroupCommit(connectionString) : null;

    public override string ConnectionString => connectionString;

    /// <summary>With group commit: the groups committed so far and the statements they held.</summary>
    public (long Groups, long Statements) Committed => writer?.Committed ?? default;

    /// <summary>With group commit: callers that have taken their place in line for the writer so far, those served included.</summary>
    public long Queued => writer?.Queued ?? 0;

    protected override DbConnection CreateDbConnection() =>
        writer is null ? new PatientConnection(connectionString) : new GroupConnection(connectionString, writer);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            writer?.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>A connection that waits up to <see cref="TurnTimeout"/> for SQLite's lock (the writer's own connection is one too).</summary>
    internal sealed class PatientConnection(string connectionString) : SqliteConnection(connectionString)
    {
        public override void Open()
        {
            base.Open();
            try
            {
                using var pragma = base.CreateCommand();
                pragma.CommandText = $"PRAGMA busy_timeout = {(int)TurnTimeout.TotalMilliseconds};";
                pragma.ExecuteNonQuery();
            }
            catch
            {
                base.Close();
                throw;
            }
        }
    }

    /// <summary>
    /// A handle on the writer. It is a <see cref="SqliteConnection"/> because the providers check
    /// the type against their invariant, but it never opens the file itself.
    /// </summary>
    private sealed class GroupConnection(string connectionString, SqliteGroupCommit writer) : SqliteConnection(connectionString)
    {
        private ConnectionState state = ConnectionState.Closed;

        public override ConnectionState State => state;

        public override void Open() => state = ConnectionState.Open;

        public override void Close() => state = ConnectionState.Closed;

        [DoesNotReturn]
        public override SqliteCommand CreateCommand() =>
            throw new NotSupportedException("Commands of the SQLite writer are created through DbConnection.CreateCommand().");

        protected override DbCommand CreateDbCommand() => new GroupCommand(this, writer);

        protected override DbTransaction BeginDbTransaction(IsolationLevel isolationLevel) =>
            throw new NotSupportedException("Each command on the SQLite writer is committed on its own; it cannot join a transaction.");
    }

    /// <summary>
    /// A command whose text and parameters are gathered here and run by the writer. A command
    /// that has started runs to its end: interrupting the shared connection would roll back other
    /// callers' statements, so <see cref="Cancel"/> does nothing.
    /// </summary>
    private sealed class GroupCommand(GroupConnection connection, SqliteGroupCommit writer) : DbCommand
    {
        private readonly SqliteCommand statement = new();

        [AllowNull]
        public override string CommandText
        {
            get => statement.CommandText;
            set => statement.CommandText = value;
        }

        public override int CommandTimeout
        {
            get => statement.CommandTimeout;
            set => statement.CommandTimeout = value;
        }

        public override CommandType CommandType
        {
            get => statement.CommandType;
            set => statement.CommandType = value;
        }

        public override UpdateRowSource UpdatedRowSource
        {
            get => statement.UpdatedRowSource;
            set => statement.UpdatedRowSource = value;
        }

        public override bool DesignTimeVisible { get; set; }

        protected override DbConnection? DbConnection
        {
            get => connection;
            set => throw new NotSupportedException("A command of the SQLite writer stays with the connection that created it.");
        }

        protected override DbParameterCollection DbParameterCollection => statement.Parameters;

        protected override DbTransaction? DbTransaction
        {
            get => null;
            set
            {
                if (value is not null)
                {
                    throw new NotSupportedException("Each command on the SQLite writer is committed on its own; it cannot join a transaction.");
                }
            }
        }

        public override void Cancel()
        {
        }

        public override void Prepare()
        {
        }

        public override int ExecuteNonQuery() => ExecuteNonQueryAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) =>
            (await RunAsync(cancellationToken)).RecordsAffected;

        public override object? ExecuteScalar() => ExecuteScalarAsync(CancellationToken.None).GetAwaiter().GetResult();

        public override async Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken)
        {
            var first = (await RunAsync(cancellationToken)).Sets[0];
            return first.Rows.Count > 0 && first.Names.Length > 0 ? first.Rows[0][0] : null;
        }

        protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) =>
            ExecuteDbDataReaderAsync(behavior, CancellationToken.None).GetAwaiter().GetResult();

        protected override async Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
            new BufferedReader(await RunAsync(cancellationToken));

        protected override DbParameter CreateDbParameter() => statement.CreateParameter();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                statement.Dispose();
            }

            base.Dispose(disposing);
        }

        private Task<BufferedResults> RunAsync(CancellationToken cancellationToken)
        {
            if (connection.State != ConnectionState.Open)
            {
                throw new InvalidOperationException("The connection is not open.");
            }

            return writer.RunAsync(statement, cancellationToken);
        }
    }
}
