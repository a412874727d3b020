using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// A shard of a name index, kept in memory as a <see cref="NameShard"/> and stored as the
/// list of its organizations. Imports upsert every entry they read (unchanged ones included), so a
/// shard that lost changes it had not stored yet is repaired by importing again.
/// </summary>
public sealed class NameIndexGrain(
    [PersistentState("name-index", QppStorage.Name)] IPersistentState<NameIndexState> state) : Grain, INameIndexGrain
{
    private NameShard index = new("");
    private bool unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var key = this.GetPrimaryKeyString();
        index = new NameShard(key[(key.LastIndexOf('/') + 1)..]);
        foreach (var organization in state.State.Organizations)
        {
            index.Put(organization);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        await StoreAsync();
        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    Task INameIndexGrain.UpsertAsync(OrganizationSummary[] organizations)
    {
        foreach (var organization in organizations)
        {
            unsaved |= index.Put(organization);
        }

        return Task.CompletedTask;
    }

    Task INameIndexGrain.RemoveAsync(string[] orgIds)
    {
        foreach (var orgId in orgIds)
        {
            unsaved |= index.Take(orgId);
        }

        return Task.CompletedTask;
    }

    Task INameIndexGrain.PersistAsync() => StoreAsync();

    Task<OrganizationSummary[]> INameIndexGrain.SearchAsync(string[] queryWords, int limit) => Task.FromResult(index.Search(queryWords, limit));

    private async Task StoreAsync()
    {
        if (!unsaved)
        {
            return;
        }

        state.State.Organizations = [.. index.Organizations];
        await this.WriteOrDeactivateAsync(state);
        unsaved = false;
    }
}
