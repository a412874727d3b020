using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Directory;

/// <summary>One organization. Later issues add its members and roles.</summary>
public sealed class OrganizationGrain(
    [PersistentState("organization", QppStorage.Name)] IPersistentState<OrganizationState> state)
    : PublishingGrain<OrganizationState>(state), IOrganizationGrain
{
    async Task<ImportResult> IOrganizationGrain.ImportAsync(DirectoryEntry entry)
    {
        var previous = Storage.State.Entry;
        if (previous is not null && previous.SameAs(entry))
        {
            return new ImportResult(ImportOutcome.Unchanged, null);
        }

        Storage.State.Entry = entry;
        await CommitAsync([]);
        return new ImportResult(previous is null ? ImportOutcome.Created : ImportOutcome.Updated, previous);
    }

    Task<DirectoryEntry?> IOrganizationGrain.GetDirectoryEntryAsync() => Task.FromResult(Storage.State.Entry);
}
