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
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var find = Command(connection, transaction, "SELECT content_hash, payload FROM qpp_directory WHERE org_type = $type AND org_id = $id;", "$type", "$id");
        using var write = Command(connection, transaction, """
            INSERT INTO qpp_directory (org_type, org_id, content_hash, payload, updated_at)
            VALUES ($type, $id, $hash, $payload, CURRENT_TIMESTAMP)
            ON CONFLICT (org_type, org_id) DO UPDATE
                SET content_hash = excluded.content_hash, payload = excluded.payload, updated_at = excluded.updated_at;
            """, "$type", "$id", "$hash", "$payload");
        using var forget = Command(connection, transaction, "DELETE FROM qpp_directory_clinician WHERE tin = $tin;", "$tin");
        using var list = Command(connection, transaction, """
            INSERT OR IGNORE INTO qpp_directory_clinician (npi, tin, ptan, first_name, last_name) VALUES ($npi, $tin, $ptan, $first, $last);
            """, "$npi", "$tin", "$ptan", "$first", "$last");
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
            if (entry.OrgType == OrgTypes.Practice)
            {
                forget.Parameters[0].Value = entry.OrgId;
                await forget.ExecuteNonQueryAsync(cancellationToken);
                foreach (var clinician in entry.Clinicians)
                {
                    (list.Parameters[0].Value, list.Parameters[1].Value, list.Parameters[2].Value, list.Parameters[3].Value, list.Parameters[4].Value) =
                        (clinician.Npi, entry.OrgId, clinician.Ptan, clinician.FirstName, clinician.LastName);
                    await list.ExecuteNonQueryAsync(cancellationToken);
                }
            }

            results[i] = oldJson is null
                ? new ImportResult(ImportOutcome.Created, null)
                : new ImportResult(ImportOutcome.Updated, DirectoryJson.Read(oldJson));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    public async Task<Clinician[]> FindClinicianAsync(string npi, CancellationToken cancellationToken = default)
    {
        await using var connection = (SqliteConnection)await dataSource.OpenConnectionAsync(cancellationToken);
        using var find = Command(connection, null, "SELECT ptan, first_name, last_name FROM qpp_directory_clinician WHERE npi = $npi;", "$npi");
        find.Parameters[0].Value = npi;
        var found = new List<Clinician>();
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add(new Clinician(npi, reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return [.. found];
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
