namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>The registries (Vendor IDs) known under one TIN, keyed by <see cref="GrainKeys.RegistriesOfTin"/>.</summary>
[Alias("qpp.directory.IRegistryTinGrain")]
public interface IRegistryTinGrain : IGrainWithStringKey
{
    [Alias("Set")]
    Task SetAsync(string vendorId, bool member);

    [Alias("VendorIds")]
    Task<string[]> VendorIdsAsync();
}
