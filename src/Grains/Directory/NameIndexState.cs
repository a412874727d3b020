using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Grains.Directory;

[GenerateSerializer, Alias("qpp.directory.NameIndexState")]
public sealed class NameIndexState
{
    /// <summary>The organizations in the shard; the words are derived again on activation.</summary>
    [Id(0)] public List<OrganizationSummary> Organizations { get; set; } = [];
}
