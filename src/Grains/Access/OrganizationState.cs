using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Access;

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

    /// <summary>A-32: the reminder that follows up on pending requests is registered.</summary>
    [Id(6)] public bool FollowUpArmed { get; set; }

    /// <summary>How long a decided request stays listed; the audit trail keeps the decision for good .</summary>
    public static readonly TimeSpan DecidedRequestsKept = TimeSpan.FromDays(30);

    /// <summary>Decided requests listed at most, the newest kept.</summary>
    public const int DecidedRequestsListed = 100;

    /// <summary>Drops decided requests older than <see cref="DecidedRequestsKept"/> and beyond <see cref="DecidedRequestsListed"/>, so that denials cannot pile up.</summary>
    public void PruneDecidedRequests(DateTimeOffset now)
    {
        Requests.RemoveAll(r => r.DecidedAt is { } decided && now - decided >= DecidedRequestsKept);
        var decided = Requests.Where(r => r.DecidedAt is not null).OrderByDescending(r => r.DecidedAt).Skip(DecidedRequestsListed).ToHashSet();
        Requests.RemoveAll(decided.Contains);
    }
}
