using Orleans.Concurrency;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

[StatelessWorker]
public sealed class DirectoryWriterGrain(IDirectoryStore store) : Grain, IDirectoryWriterGrain
{
    async Task<ImportResult[]> IDirectoryWriterGrain.WriteAsync(DirectoryEntry[] batch) => await store.UpsertAsync(batch);
}
