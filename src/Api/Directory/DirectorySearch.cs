using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Directory;

/// <summary>
/// Search as A-13 has it: practices by name (type-ahead, word prefixes, any case) or complete
/// TIN; registries by name, complete TIN or complete Vendor ID; virtual groups by complete ID
/// only; APM entities within a chosen model by name or entity ID. At most 20, by name then id.
/// </summary>
public sealed class DirectorySearch(IGrainFactory grains)
{
    public const int Limit = 20;

    /// <summary>The second characters a one-letter query fans out to.</summary>
    private static readonly string[] ShardTails = [.. "abcdefghijklmnopqrstuvwxyz0123456789".Select(c => c.ToString()), ""];

    public async Task<OrganizationSummary[]> SearchAsync(string orgType, string query, ApmModel? model)
    {
        var text = query.Trim();
        var found = orgType switch
        {
            OrgTypes.Practice => IsDigits(text) ? await ByKeyAsync(OrgTypes.Practice, text) : await ByNameAsync(OrgTypes.Practice, text),
            OrgTypes.Registry => [.. await ByKeyAsync(OrgTypes.Registry, text), .. await RegistriesOfTinAsync(text), .. await ByNameAsync(OrgTypes.Registry, text)],
            OrgTypes.VirtualGroup => await ByKeyAsync(OrgTypes.VirtualGroup, text),
            OrgTypes.ApmEntity when model is not null =>
            [
                .. (await ByKeyAsync(OrgTypes.ApmEntity, text)).Where(o => o.ApmModel == model.Id),
                .. await ByNameAsync($"{OrgTypes.ApmEntity}/{model.Id}", text),
            ],
            _ => [],
        };
        return found.DistinctBy(o => (o.OrgType, o.OrgId)).Take(Limit).ToArray();
    }

    /// <summary>An exact id: a complete TIN, Vendor ID, Virtual Group ID or APM Entity ID; anything partial finds nothing.</summary>
    private async Task<OrganizationSummary[]> ByKeyAsync(string orgType, string id)
    {
        if (!OrgTypes.TryNormalizeId(orgType, id, out var normalized, out _))
        {
            return [];
        }

        var entry = await grains.Reference<IOrganizationGrain>(GrainKeys.Organization(orgType, normalized)).GetDirectoryEntryAsync();
        return entry is null ? [] : [entry.Summary];
    }

    private async Task<OrganizationSummary[]> RegistriesOfTinAsync(string text)
    {
        if (!Tin.TryParse(text, out var tin, out _))
        {
            return [];
        }

        var vendorIds = await grains.Reference<IRegistryTinGrain>(GrainKeys.RegistriesOfTin(tin.Value)).VendorIdsAsync();
        var found = await Task.WhenAll(vendorIds.Take(Limit).Select(id => ByKeyAsync(OrgTypes.Registry, id)));
        return [.. found.SelectMany(f => f)];
    }

    private async Task<OrganizationSummary[]> ByNameAsync(string scope, string text)
    {
        var words = NameWords.Of(text);
        if (words.Length == 0)
        {
            return [];
        }

        // The longest word is the most selective; its first two characters name the shard.
        var key = words.MaxBy(w => w.Length)!;
        if (key.Length >= 2)
        {
            return await grains.Reference<INameIndexGrain>(GrainKeys.NameIndex(scope, NameWords.Shard(key))).SearchAsync(words, Limit);
        }

        var shards = await Task.WhenAll(ShardTails.Select(tail =>
            grains.Reference<INameIndexGrain>(GrainKeys.NameIndex(scope, key + tail)).SearchAsync(words, Limit)));
        return [.. shards.SelectMany(s => s)
            .OrderBy(o => o.Name.ToUpperInvariant(), StringComparer.Ordinal)
            .ThenBy(o => o.OrgId, StringComparer.Ordinal)
            .DistinctBy(o => o.OrgId)
            .Take(Limit)];
    }

    private static bool IsDigits(string text) => text.Length > 0 && text.All(c => char.IsAsciiDigit(c) || c == '-');
}
