namespace QppOrleans.Grains.Directory;

[GenerateSerializer, Alias("qpp.directory.RegistryTinState")]
public sealed class RegistryTinState
{
    /// <summary>In ordinal order.</summary>
    [Id(0)] public List<string> VendorIds { get; set; } = [];
}
