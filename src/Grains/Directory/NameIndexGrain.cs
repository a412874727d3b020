using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// A shard of a name index. Entries are kept in name order, so a search walks them from the
/// start and stops at the limit: the common prefixes find their results at once, the rare ones
/// live in small shards. Imports upsert every entry they read (unchanged ones included), so a
/// shard that lost changes it had not stored yet is repaired by importing again.
/// </summary>
public sealed class NameIndexGrain(
    [PersistentState("name-index", QppStorage.Name)] IPersistentState<NameIndexState> state) : Grain, INameIndexGrain
{
    private readonly SortedSet<Entry> byName = new(EntryOrder.Instance);
    private readonly Dictionary<string, Entry> byId = new(StringComparer.Ordinal);
    private string shard = "";
    private bool unsaved;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        shard = this.GetPrimaryKeyString()[(this.GetPrimaryKeyString().LastIndexOf('/') + 1)..];
        foreach (var organization in state.State.Organizations)
        {
            Put(organization);
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
            if (byId.TryGetValue(organization.OrgId, out var existing) && existing.Organization == organization)
            {
                continue;
            }

            Take(organization.OrgId);
            Put(organization);
            unsaved = true;
        }

        return Task.CompletedTask;
    }

    Task INameIndexGrain.RemoveAsync(string[] orgIds)
    {
        foreach (var orgId in orgIds)
        {
            unsaved |= Take(orgId);
        }

        return Task.CompletedTask;
    }

    Task INameIndexGrain.PersistAsync() => StoreAsync();

    Task<OrganizationSummary[]> INameIndexGrain.SearchAsync(string[] queryWords, int limit) =>
        Task.FromResult(byName
            .Where(entry => queryWords.All(q => entry.Words.Any(w => w.StartsWith(q, StringComparison.Ordinal))))
            .Take(limit)
            .Select(entry => entry.Organization)
            .ToArray());

    private void Put(OrganizationSummary organization)
    {
        var words = NameWords.Of(organization.Name);
        if (!words.Any(w => NameWords.Shard(w) == shard))
        {
            return;
        }

        var entry = new Entry(organization, organization.Name.ToUpperInvariant(), words);
        byId[organization.OrgId] = entry;
        byName.Add(entry);
    }

    private bool Take(string orgId)
    {
        if (!byId.Remove(orgId, out var entry))
        {
            return false;
        }

        byName.Remove(entry);
        return true;
    }

    private async Task StoreAsync()
    {
        if (!unsaved)
        {
            return;
        }

        state.State.Organizations = byName.Select(e => e.Organization).ToList();
        await this.WriteOrDeactivateAsync(state);
        unsaved = false;
    }

    private sealed record Entry(OrganizationSummary Organization, string SortName, string[] Words);

    private sealed class EntryOrder : IComparer<Entry>
    {
        public static readonly EntryOrder Instance = new();

        public int Compare(Entry? x, Entry? y)
        {
            var byName = string.CompareOrdinal(x!.SortName, y!.SortName);
            return byName != 0 ? byName : string.CompareOrdinal(x.Organization.OrgId, y.Organization.OrgId);
        }
    }
}
