namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>One organization, keyed by <see cref="GrainKeys.Organization"/>: its directory entry .</summary>
[Alias("qpp.directory.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>Stores the entry; an identical one changes nothing .</summary>
    [Alias("Import")]
    Task<ImportResult> ImportAsync(DirectoryEntry entry);

    /// <summary>Null when the directory does not know the organization.</summary>
    [Alias("Directory")]
    Task<DirectoryEntry?> GetDirectoryEntryAsync();
}
