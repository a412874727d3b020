using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Directory;

/// <summary>
/// One organization. Its directory entry is read from the directory store each time, so an
/// import never has to reach the grain; later issues add its members and roles to its state.
/// </summary>
public sealed class OrganizationGrain(
    [PersistentState("organization", QppStorage.Name)] IPersistentState<OrganizationState> state,
    IDirectoryStore directory) : PublishingGrain<OrganizationState>(state), IOrganizationGrain
{
    private (string OrgType, string OrgId) Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            return (key[..slash], key[(slash + 1)..]);
        }
    }

    async Task<DirectoryEntry?> IOrganizationGrain.GetDirectoryEntryAsync() => await directory.FindAsync(Key.OrgType, Key.OrgId);
}
