namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// One shard of a name index, keyed by <see cref="GrainKeys.NameIndex"/>: the organizations
/// of one search scope having a name word that starts with the shard's two characters.
/// </summary>
[Alias("qpp.directory.INameIndexGrain")]
public interface INameIndexGrain : IGrainWithStringKey
{
    /// <summary>Adds or replaces entries (idempotent); organizations without a word in this shard are taken out.</summary>
    [Alias("Upsert"), ResponseTimeout("00:02:00")]
    Task UpsertAsync(OrganizationSummary[] organizations);

    [Alias("Remove")]
    Task RemoveAsync(string[] orgIds);

    /// <summary>Stores the shard if it changed since it was last stored.</summary>
    [Alias("Persist"), ResponseTimeout("00:02:00")]
    Task PersistAsync();

    /// <summary>Organizations whose name has, for every query word, a word starting with it; by name, then id.</summary>
    [Alias("Search")]
    Task<OrganizationSummary[]> SearchAsync(string[] queryWords, int limit);
}
