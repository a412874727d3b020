using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Directory;

[GenerateSerializer, Alias("qpp.directory.OrganizationState")]
public sealed class OrganizationState : IHasOutbox
{
    [Id(0)] public Outbox Outbox { get; set; } = new();
}
