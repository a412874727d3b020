using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// Where the directory is kept: one row per organization, written a batch per transaction
/// and read by key. Bulk reference data, so it is not held in each organization grain's state.
/// </summary>
public interface IDirectoryStore
{
    /// <summary>
    /// Stores a batch (keys are distinct) in one transaction. For each entry: created, updated or
    /// unchanged (identical content), and for an update the entry it replaced.
    /// </summary>
    Task<ImportResult[]> UpsertAsync(IReadOnlyList<DirectoryEntry> entries, CancellationToken cancellationToken = default);

    Task<DirectoryEntry?> FindAsync(string orgType, string orgId, CancellationToken cancellationToken = default);

    /// <summary>Every listing of a clinician's NPI, under any practice .</summary>
    Task<Clinician[]> FindClinicianAsync(string npi, CancellationToken cancellationToken = default);
}
