using QppOrleans.Grains.Access;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Directory;

[GenerateSerializer, Alias("qpp.directory.OrganizationState")]
public sealed class OrganizationState : IHasOutbox
{
    [Id(0)] public Outbox Outbox { get; set; } = new();

    /// <summary>Who holds a role here, by user id (the authority on roles; users keep a projection).</summary>
    [Id(1)] public Dictionary<string, Member> Members { get; set; } = [];

    [Id(2)] public List<AccessRequest> Requests { get; set; } = [];

    /// <summary>Failed validation attempts per user .</summary>
    [Id(3)] public Dictionary<string, int> FailedAttempts { get; set; } = [];

    /// <summary>People sent to the Service Center, by user id, until it resolves their request .</summary>
    [Id(4)] public Dictionary<string, Escalation> Escalations { get; set; } = [];

    /// <summary>Counts changes; each event carries it so projections apply changes in order.</summary>
    [Id(5)] public long Version { get; set; }
}
