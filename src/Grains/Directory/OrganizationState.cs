using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Directory;

[GenerateSerializer, Alias("qpp.directory.OrganizationState")]
public sealed class OrganizationState : IHasOutbox
{
    /// <summary>Null until the directory names the organization.</summary>
    [Id(0)] public DirectoryEntry? Entry { get; set; }

    [Id(1)] public Outbox Outbox { get; set; } = new();
}
