using Orleans.Storage;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains;

/// <summary>
/// The grain storage every grain uses, around the ADO.NET provider: a database failure — while
/// reading state on activation or writing it — comes out as <see cref="StorageUnavailableException"/>,
/// which can travel back to the caller (the driver's exceptions cannot be serialized), so that the
/// API answers 503 instead of failing to read the answer. Each write and clear that succeeded is
/// counted (<see cref="QppMetrics.StorageWrites"/>) under <paramref name="mode"/>.
/// </summary>
public sealed class GuardedGrainStorage(IGrainStorage inner, string mode) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        GuardAsync(() => inner.ReadStateAsync(stateName, grainId, grainState));

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await GuardAsync(() => inner.WriteStateAsync(stateName, grainId, grainState));
        QppMetrics.StorageWritten(grainId, "state", mode);
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        await GuardAsync(() => inner.ClearStateAsync(stateName, grainId, grainState));
        QppMetrics.StorageWritten(grainId, "state", mode);
    }

    private static async Task GuardAsync(Func<Task> operation)
    {
        try
        {
            await operation();
        }
        catch (Exception exception) when (DatabaseFailures.Find(exception) is { } database)
        {
            throw DatabaseFailures.Unavailable(database);
        }
    }
}
