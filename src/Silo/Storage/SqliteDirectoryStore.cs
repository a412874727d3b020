using System.Data.Common;
using Microsoft.Data.Sqlite;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Silo.Storage;

/// <summary>The directory in the embedded SQLite file: a batch is one immediate transaction with prepared statements.</summary>
public sealed class SqliteDirectoryStore(DbDataSource dataSource) : IDirectoryStore
{
    public async Task<ImportResult[]> UpsertAsync(IReadOnlyList<DirectoryEntry> entries, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        using var find = Command(connection, transaction, "SELECT content_hash, payload FROM qpp_directory WHERE org_type = $type AND org_id = $id;", "$type", "$id");
        using var write = Command(connection, transaction, """
            INSERT INTO qpp_directory (org_type, org_id, content_hash, payload, updated_at)
            VALUES ($type, $id, $hash, $payload, CURRENT_TIMESTAMP)
            ON CONFLICT (org_type, org_id) DO UPDATE
                SET content_hash = excluded.content_hash, payload = excluded.payload, updated_at = excluded.updated_at;
            """, "$type", "$id", "$hash", "$payload");
        var results = new ImportResult[entries.Count];
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var (json, hash) = DirectoryJson.Write(entry);
            find.Parameters[0].Value = entry.OrgType;
            find.Parameters[1].Value = entry.OrgId;
            string? oldHash = null, oldJson = null;
            await using (var reader = await find.ExecuteReaderAsync(cancellationToken))
            {
                if (await reader.ReadAsync(cancellationToken))
                {
                    (oldHash, oldJson) = (reader.GetString(0), reader.GetString(1));
                }
            }

            if (oldHash == hash)
            {
                results[i] = new ImportResult(ImportOutcome.Unchanged, null);
                continue;
            }

            write.Parameters[0].Value = entry.OrgType;
            write.Parameters[1].Value = entry.OrgId;
            write.Parameters[2].Value = hash;
            write.Parameters[3].Value = json;
            await write.ExecuteNonQueryAsync(cancellationToken);
            results[i] = oldJson is null
                ? new ImportResult(ImportOutcome.Created, null)
                : new ImportResult(ImportOutcome.Updated, DirectoryJson.Read(oldJson));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<DirectoryEntry?> FindAsync(string orgType, string orgId, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        using var find = Command(connection, null, "SELECT payload FROM qpp_directory WHERE org_type = $type AND org_id = $id;", "$type", "$id");
        find.Parameters[0].Value = orgType;
        find.Parameters[1].Value = orgId;
        return await find.ExecuteScalarAsync(cancellationToken) is string json ? DirectoryJson.Read(json) : null;
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }
}
