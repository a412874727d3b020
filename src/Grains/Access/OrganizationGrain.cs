using QppOrleans.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Directory;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Access;

/// <summary>
/// One organization: the authority on its roles. The rules live in
/// <see cref="OrganizationAccess"/>; this grain reads the directory, commits the state with the
/// events in one write, and answers queries. Its directory entry is read from the directory
/// store each time, so an import never has to reach the grain.
/// </summary>
[OrganizationPlacement]
public sealed class OrganizationGrain(
    [PersistentState("organization", QppStorage.Name)] IPersistentState<OrganizationState> state,
    IDirectoryStore directory,
    Permissions permissions,
    IOptions<PendingRequestOptions> pendingRequests,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : PublishingGrain<OrganizationState>(state), IOrganizationGrain
{
    /// <summary>A-32: the reminder that follows up on requests waiting for a decision.</summary>
    private const string FollowUpReminder = "pending-requests";

    private OrganizationState Organization => Storage.State;

    private (string OrgType, string OrgId) Key
    {
        get
        {
            var key = this.GetPrimaryKeyString();
            var slash = key.IndexOf('/', StringComparison.Ordinal);
            return (key[..slash], key[(slash + 1)..]);
        }
    }

    async Task<DirectoryEntry?> IOrganizationGrain.GetDirectoryEntryAsync() => await directory.FindAsync(Key.OrgType, Key.OrgId);

    async Task<RequestOutcome> IOrganizationGrain.RequestAccessAsync(Person requester, string role, Validation? validation)
    {
        var (orgType, orgId) = Key;
        var listing = role == Roles.Clinician
            ? new DirectoryListing(null, await directory.FindClinicianAsync(orgId))
            : new DirectoryListing(await directory.FindAsync(orgType, orgId), []);
        var draft = Draft();
        var access = new OrganizationAccess(draft, new OrganizationRef(orgType, orgId, listing.NameOr(orgId)), clock.GetUtcNow(), permissions);
        var outcome = access.Request(requester, role, listing, validation);
        if (draft.Version != Organization.Version)
        {
            await CommitAsync(draft, access.Events);
            await FollowUpWhilePendingAsync(access);
        }

        return outcome;
    }

    Task<Refusal?> IOrganizationGrain.ApproveAsync(string actor, string requestId) => ChangeAsync(access => access.Approve(actor, requestId));

    Task<Refusal?> IOrganizationGrain.DenyAsync(string actor, string requestId, string? reason) => ChangeAsync(access => access.Deny(actor, requestId, reason));

    Task<Refusal?> IOrganizationGrain.RemoveMemberAsync(string actor, string userId) => ChangeAsync(access => access.Remove(actor, userId));

    async Task<Refusal?> IOrganizationGrain.ChangeRoleAsync(string operatorId, string userId, string role)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return await ChangeAsync(access => access.ChangeRole(operatorId, userId, role));
    }

    async Task<Refusal?> IOrganizationGrain.RemoveByServiceCenterAsync(string operatorId, string userId, string? reason)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return await ChangeAsync(access => access.RemoveByServiceCenter(operatorId, userId, reason));
    }

    async Task<Refusal?> IOrganizationGrain.ResolveEscalationAsync(string operatorId, string userId, bool approve, string? note)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return await ChangeAsync(access => access.ResolveEscalation(operatorId, userId, approve, note));
    }

    Task<string?> IOrganizationGrain.RoleOfAsync(string userId) =>
        Task.FromResult(Organization.Members.TryGetValue(userId, out var member) ? member.Role : null);

    Task<int> IOrganizationGrain.ConnectedUsersAsync() => Task.FromResult(Organization.Members.Count);

    Task<Refusal?> IOrganizationGrain.GuardAsync(string actor) => Task.FromResult(Access().Guard(actor));

    Task<AccessResult<MemberView[]>> IOrganizationGrain.MembersAsync(string actor)
    {
        var error = Access().Guard(actor);
        return Task.FromResult(new AccessResult<MemberView[]>(error, error is not null ? null :
            [.. Organization.Members.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(m => new MemberView(m.UserId, m.Name, m.Role, m.Since))]));
    }

    Task<AccessResult<RequestView[]>> IOrganizationGrain.RequestsAsync(string actor, string? status)
    {
        var error = Access().Guard(actor);
        return Task.FromResult(new AccessResult<RequestView[]>(error, error is not null ? null :
            [.. Organization.Requests.Where(r => status is null || r.Status == status).OrderByDescending(r => r.RequestedAt)
                .Select(r => new RequestView(r.RequestId, r.UserId, r.Name, r.Role, r.Status, r.RequestedAt, r.Reason))]));
    }

    private async Task<Refusal?> ChangeAsync(Func<OrganizationAccess, Refusal?> command)
    {
        var entry = await directory.FindAsync(Key.OrgType, Key.OrgId);
        var draft = Draft();
        var access = new OrganizationAccess(draft, new OrganizationRef(Key.OrgType, Key.OrgId, entry?.Name ?? Key.OrgId), clock.GetUtcNow(), permissions);
        var error = command(access);
        if (error is null)
        {
            await CommitAsync(draft, access.Events);
        }

        return error;
    }

    async Task<ServiceCenterMember[]> IOrganizationGrain.MembersForServiceCenterAsync(string operatorId)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        return [.. Organization.Members.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase)
            .Select(m => new ServiceCenterMember(m.UserId, m.Name, m.Email, m.Role, m.Since))];
    }

    async Task<RoleImport> IOrganizationGrain.ImportRoleAsync(string operatorId, Person person, string role)
    {
        await GrainFactory.RequireOperatorAsync(operatorId);
        var entry = await directory.FindAsync(Key.OrgType, Key.OrgId);
        var draft = Draft();
        var access = new OrganizationAccess(draft, new OrganizationRef(Key.OrgType, Key.OrgId, entry?.Name ?? Key.OrgId), clock.GetUtcNow(), permissions);
        var import = access.ImportRole(operatorId, person, role, entry);
        if (access.Events.Count > 0)
        {
            await CommitAsync(draft, access.Events);
        }

        return import;
    }

    /// <summary>A-32: on each tick, reminds and expires; once nothing waits, the reminder goes.</summary>
    protected override async Task ReceiveOtherReminderAsync(string reminderName, TickStatus status)
    {
        if (reminderName != FollowUpReminder)
        {
            return;
        }

        var entry = await directory.FindAsync(Key.OrgType, Key.OrgId);
        var draft = Draft();
        var access = new OrganizationAccess(draft, new OrganizationRef(Key.OrgType, Key.OrgId, entry?.Name ?? Key.OrgId), clock.GetUtcNow(), permissions);
        var followedUp = access.FollowUp(pendingRequests.Value);
        if (access.HasPendingRequests)
        {
            if (followedUp)
            {
                await CommitAsync(draft, access.Events);
            }

            return;
        }

        draft.FollowUpArmed = false;
        await CommitAsync(draft, access.Events);
        if (await this.GetReminder(FollowUpReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Registers the follow-up reminder once a request waits (and keeps it while any does).</summary>
    private async Task FollowUpWhilePendingAsync(OrganizationAccess access)
    {
        if (Organization.FollowUpArmed || !access.HasPendingRequests)
        {
            return;
        }

        var every = pendingRequests.Value.CheckEvery;
        await this.RegisterOrUpdateReminder(FollowUpReminder, every, every);
        var draft = Draft();
        draft.FollowUpArmed = true;
        await CommitAsync(draft, []);
    }

    protected override void OnCommitting() => Organization.PruneDecidedRequests(clock.GetUtcNow());

    private OrganizationAccess Access() => new(Organization, new OrganizationRef(Key.OrgType, Key.OrgId, Key.OrgId), clock.GetUtcNow(), permissions);
}
