using System.Globalization;
using Microsoft.Data.Sqlite;
using Orleans.Serialization.Serializers;
using Orleans.Storage;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Silo.Storage;

/// <summary>
/// Grain state of the embedded default, in the SQLite file's <c>qpp_grain_state</c>: reads on
/// connections of their own (write-ahead logging lets them run beside the writer and see only
/// what is committed), writes and clears through the one <see cref="SqliteWriter"/>, which
/// commits many grains' writes in one transaction. The rows, versions and conflicts are those of
/// the ADO.NET provider on PostgreSQL: a write names the version it read, and a write naming a
/// stale version changes nothing and fails with <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage(
    SqliteDataSource reads, SqliteWriter writer, string serviceId, IGrainStorageSerializer serializer, IActivatorProvider activators) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = StateKey.Of(serviceId, stateName, grainId);
        await using var connection = (SqliteConnection)await reads.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT payload, version FROM qpp_grain_state
            WHERE service_id = $service AND state_name = $state
              AND grain_id_n0 = $n0 AND grain_id_n1 = $n1 AND grain_id_string = $text;
            """;
        command.Parameters.AddWithValue("$service", key.ServiceId);
        command.Parameters.AddWithValue("$state", key.StateName);
        command.Parameters.AddWithValue("$n0", key.N0);
        command.Parameters.AddWithValue("$n1", key.N1);
        command.Parameters.AddWithValue("$text", key.Text);
        await using var reader = await command.ExecuteReaderAsync();
        var found = await reader.ReadAsync();
        var payload = found && !await reader.IsDBNullAsync(0) ? (byte[])reader.GetValue(0) : null;

        // A cleared row keeps its version, so that the next write continues from it.
        grainState.State = payload is null ? New<T>() : serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = found ? reader.GetInt64(1).ToString(CultureInfo.InvariantCulture) : null;
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await WriteAsync("write", stateName, grainId, payload, grainState.ETag);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (!grainState.RecordExists && string.IsNullOrWhiteSpace(grainState.ETag))
        {
            await ReadStateAsync(stateName, grainId, grainState);
            if (!grainState.RecordExists)
            {
                return;
            }
        }

        grainState.ETag = await WriteAsync("clear", stateName, grainId, payload: null, grainState.ETag);
        grainState.RecordExists = false;
        grainState.State = New<T>();
    }

    private async Task<string> WriteAsync(string operation, string stateName, GrainId grainId, byte[]? payload, string? etag)
    {
        var expected = string.IsNullOrWhiteSpace(etag) ? (int?)null : int.Parse(etag, CultureInfo.InvariantCulture);
        var version = await writer.WriteStateAsync(StateKey.Of(serviceId, stateName, grainId), payload, expected);
        return version?.ToString(CultureInfo.InvariantCulture) ?? throw new InconsistentStateException(
            $"Version conflict ({operation}): the {stateName} state of {grainId} is no longer at version {etag ?? "none"}.");
    }

    private T New<T>() => activators.GetActivator<T>().Create();
}
