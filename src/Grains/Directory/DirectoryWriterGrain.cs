using Orleans.Concurrency;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

[StatelessWorker]
public sealed class DirectoryWriterGrain(IDirectoryStore store) : Grain, IDirectoryWriterGrain
{
    async Task<ImportResult[]> IDirectoryWriterGrain.WriteAsync(string operatorId, DirectoryEntry[] batch)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return await store.UpsertAsync(batch);
    }
}
