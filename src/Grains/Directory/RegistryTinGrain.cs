using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

/// <summary>The registries under one TIN, so that a registry is found by its complete TIN .</summary>
public sealed class RegistryTinGrain(
    [PersistentState("registry-tin", QppStorage.Name)] IPersistentState<RegistryTinState> state) : Grain, IRegistryTinGrain
{
    async Task IRegistryTinGrain.SetAsync(string vendorId, bool member)
    {
        var ids = state.State.VendorIds;
        var index = ids.BinarySearch(vendorId, StringComparer.Ordinal);
        if (member == index >= 0)
        {
            return;
        }

        if (member)
        {
            ids.Insert(~index, vendorId);
        }
        else
        {
            ids.RemoveAt(index);
        }

        await this.WriteOrDeactivateAsync(state);
    }

    Task<string[]> IRegistryTinGrain.VendorIdsAsync() => Task.FromResult(state.State.VendorIds.ToArray());
}
