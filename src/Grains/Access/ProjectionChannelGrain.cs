using Microsoft.Extensions.Logging;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Access;

/// <summary>
/// The projection channel: each role change and request decision of an organization updates the
/// person's <see cref="IUserGrain"/>. The organization stays the authority; the user grain keeps
/// the newest version it has seen, so repeats and late deliveries change nothing.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class ProjectionChannelGrain(ILogger<ProjectionChannelGrain> logger)
    : ChannelGrain(EventChannel.Projection, logger), IProjectionChannelGrain
{
    protected override Task TakeAsync(DomainEvent domainEvent) => domainEvent switch
    {
        AccessRequested e => Request(e, e.Requester, e.RequestId, e.Role, RequestStatus.Pending),
        AccessApproved e => Task.WhenAll(Connect(e, e.Member, e.Role), Request(e, e.Member, e.RequestId, e.Role, RequestStatus.Approved)),
        AccessDenied e => Request(e, e.Member, e.RequestId, e.Role, RequestStatus.Denied, e.Reason),
        AccessRequestExpired e => Request(e, e.Requester, e.RequestId, e.Role, RequestStatus.Expired, e.Reason),
        AccessEscalated e => Request(e, e.Requester, RequestStatus.EscalationId(e.Organization), e.Role, RequestStatus.Escalated),
        AccessRemoved e => Connect(e, e.Member, role: null),
        RoleChanged e => Connect(e, e.Member, e.ToRole),
        _ => Task.CompletedTask,
    };

    private Task Connect(OrganizationEvent e, Recipient member, string? role) =>
        User(member).ProjectConnectionAsync(new Connection(e.Organization, role, e.OccurredAt, e.Version));

    private Task Request(OrganizationEvent e, Recipient requester, string requestId, string role, string status, string? reason = null) =>
        User(requester).ProjectRequestAsync(new MyRequest(requestId, e.Organization, role, status, e.OccurredAt, e.Version, reason));

    private IUserGrain User(Recipient person) => GrainFactory.Reference<IUserGrain>(GrainKeys.User(person.UserId!));
}
