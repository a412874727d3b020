using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Access;

/// <summary>
/// What the directory holds for the organization an access request names, as its grain read it:
/// the organization's entry, or for a clinician the clinicians listed under the NPI.
/// </summary>
public sealed record DirectoryListing(DirectoryEntry? Entry, IReadOnlyCollection<Clinician> Clinicians)
{
    public bool Listed => Entry is not null || Clinicians.Count > 0;

    /// <summary>The name the organization's events and notices carry.</summary>
    public string NameOr(string orgId) =>
        Entry?.Name ?? (Clinicians.FirstOrDefault() is { } clinician ? $"{clinician.FirstName} {clinician.LastName}" : orgId);
}
