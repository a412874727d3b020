namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>One organization, keyed by <see cref="GrainKeys.Organization"/>.</summary>
[Alias("qpp.directory.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>What the directory says of it; null when the directory does not know it.</summary>
    [Alias("Directory")]
    Task<DirectoryEntry?> GetDirectoryEntryAsync();
}
