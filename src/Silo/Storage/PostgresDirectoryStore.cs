using Npgsql;
using NpgsqlTypes;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Silo.Storage;

/// <summary>The directory in PostgreSQL: a batch is one statement over arrays (one round trip).</summary>
public sealed class PostgresDirectoryStore(NpgsqlDataSource dataSource) : IDirectoryStore
{
    // Reads the rows the batch replaces, then upserts only the rows whose content changed.
    private const string Upsert = """
        WITH input AS (
            SELECT * FROM unnest(@types, @ids, @hashes, @payloads) AS i(org_type, org_id, content_hash, payload)),
        old AS (
            SELECT d.org_type, d.org_id, d.content_hash, d.payload::text AS payload
            FROM qpp_directory d JOIN input i ON d.org_type = i.org_type AND d.org_id = i.org_id),
        written AS (
            INSERT INTO qpp_directory AS d (org_type, org_id, content_hash, payload)
            SELECT org_type, org_id, content_hash, payload::jsonb FROM input
            ON CONFLICT (org_type, org_id) DO UPDATE
                SET content_hash = EXCLUDED.content_hash, payload = EXCLUDED.payload, updated_at = now()
                WHERE d.content_hash <> EXCLUDED.content_hash
            RETURNING d.org_type, d.org_id)
        SELECT i.org_type, i.org_id, old.content_hash, old.payload, written.org_id IS NOT NULL
        FROM input i
        LEFT JOIN old ON old.org_type = i.org_type AND old.org_id = i.org_id
        LEFT JOIN written ON written.org_type = i.org_type AND written.org_id = i.org_id;
        """;

    public async Task<ImportResult[]> UpsertAsync(IReadOnlyList<DirectoryEntry> entries, CancellationToken cancellationToken = default)
    {
        var rows = entries.Select(e => (Entry: e, Stored: DirectoryJson.Write(e))).ToArray();
        await using var command = dataSource.CreateCommand(Upsert);
        command.Parameters.Add(new NpgsqlParameter("types", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Entry.OrgType).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Entry.OrgId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("hashes", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Stored.Hash).ToArray() });
        command.Parameters.Add(new NpgsqlParameter("payloads", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = rows.Select(r => r.Stored.Json).ToArray() });

        var outcomes = new Dictionary<(string, string), ImportResult>();
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var key = (reader.GetString(0), reader.GetString(1));
                var replaced = await reader.IsDBNullAsync(3, cancellationToken) ? null : reader.GetString(3);
                var written = reader.GetBoolean(4);
                outcomes[key] = (replaced, written) switch
                {
                    (null, _) => new ImportResult(ImportOutcome.Created, null),
                    (_, true) => new ImportResult(ImportOutcome.Updated, DirectoryJson.Read(replaced)),
                    _ => new ImportResult(ImportOutcome.Unchanged, null),
                };
            }
        }

        return rows.Select(r => outcomes[(r.Entry.OrgType, r.Entry.OrgId)]).ToArray();
    }

    public async Task<Clinician[]> FindClinicianAsync(string npi, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("""
            SELECT payload::text FROM qpp_directory
            WHERE org_type = 'practice' AND payload -> 'clinicians' @> jsonb_build_array(jsonb_build_object('npi', @npi::text));
            """);
        command.Parameters.AddWithValue("npi", npi);
        var found = new List<Clinician>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.AddRange(DirectoryJson.Read(reader.GetString(0)).Clinicians.Where(c => c.Npi == npi));
        }

        return [.. found];
    }

    public async Task<DirectoryEntry?> FindAsync(string orgType, string orgId, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand("SELECT payload::text FROM qpp_directory WHERE org_type = @type AND org_id = @id;");
        command.Parameters.AddWithValue("type", orgType);
        command.Parameters.AddWithValue("id", orgId);
        return await command.ExecuteScalarAsync(cancellationToken) is string json ? DirectoryJson.Read(json) : null;
    }
}
