using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Access;

/// <summary>
/// What an organization's role change or request decision changes in each person's
/// <see cref="IUserGrain"/> copy of their roles and requests (carried by the relay channel). The
/// organization stays the authority; the user grain keeps the newest version it has seen, so
/// repeats and late deliveries change nothing.
/// </summary>
public static class MembershipProjection
{
    /// <summary>The updates <paramref name="domainEvent"/> makes, each to one person's user grain; none for an event that changes no copy.</summary>
    public static IReadOnlyList<Func<IGrainFactory, Task>> Of(DomainEvent domainEvent) => domainEvent switch
    {
        AccessRequested e => [Request(e, e.Requester, e.RequestId, e.Role, RequestStatus.Pending)],
        AccessApproved e => [Connect(e, e.Member, e.Role), Request(e, e.Member, e.RequestId, e.Role, RequestStatus.Approved)],
        AccessDenied e => [Request(e, e.Member, e.RequestId, e.Role, RequestStatus.Denied, e.Reason)],
        AccessRequestExpired e => [Request(e, e.Requester, e.RequestId, e.Role, RequestStatus.Expired, e.Reason)],
        AccessEscalated e => [Request(e, e.Requester, RequestStatus.EscalationId(e.Organization), e.Role, RequestStatus.Escalated)],
        AccessRemoved e => [Connect(e, e.Member, role: null)],
        RoleChanged e => [Connect(e, e.Member, e.ToRole)],
        _ => [],
    };

    private static Func<IGrainFactory, Task> Connect(OrganizationEvent e, Recipient member, string? role) =>
        grains => User(grains, member).ProjectConnectionAsync(new Connection(e.Organization, role, e.OccurredAt, e.Version));

    private static Func<IGrainFactory, Task> Request(OrganizationEvent e, Recipient requester, string requestId, string role, string status, string? reason = null) =>
        grains => User(grains, requester).ProjectRequestAsync(new MyRequest(requestId, e.Organization, role, status, e.OccurredAt, e.Version, reason));

    private static IUserGrain User(IGrainFactory grains, Recipient person) => grains.Reference<IUserGrain>(GrainKeys.User(person.UserId!));
}
