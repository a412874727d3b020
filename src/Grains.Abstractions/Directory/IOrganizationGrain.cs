using Orleans.Concurrency;
using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// One organization, keyed by <see cref="GrainKeys.Organization"/>: the authority on its roles
/// (A-20 … A-30). Every command names the acting user; the grain checks what they may do.
/// </summary>
[Alias("qpp.directory.IOrganizationGrain")]
public interface IOrganizationGrain : IGrainWithStringKey
{
    /// <summary>What the directory says of it; null when the directory does not know it.</summary>
    [Alias("Directory"), ReadOnly]
    Task<DirectoryEntry?> GetDirectoryEntryAsync();

    /// <summary>One item of an access request (A-21 … ).</summary>
    [Alias("RequestAccess")]
    Task<RequestOutcome> RequestAccessAsync(Person requester, string role, Validation? validation);

    [Alias("Approve")]
    Task<Refusal?> ApproveAsync(string actor, string requestId);

    [Alias("Deny")]
    Task<Refusal?> DenyAsync(string actor, string requestId, string? reason);

    /// <summary>A Security Official removes a role .</summary>
    [Alias("RemoveMember")]
    Task<Refusal?> RemoveMemberAsync(string actor, string userId);

    /// <summary>The Service Center changes a role; checks the operator itself.</summary>
    [Alias("ChangeRole")]
    Task<Refusal?> ChangeRoleAsync(string operatorId, string userId, string role);

    /// <summary>The Service Center removes any role; checks the operator itself.</summary>
    [Alias("RemoveByServiceCenter")]
    Task<Refusal?> RemoveByServiceCenterAsync(string operatorId, string userId, string? reason);

    /// <summary>The Service Center resolves an escalation; checks the operator itself.</summary>
    [Alias("ResolveEscalation")]
    Task<Refusal?> ResolveEscalationAsync(string operatorId, string userId, bool approve, string? note);

    /// <summary>Null when the person holds no role here.</summary>
    [Alias("RoleOf"), ReadOnly]
    Task<string?> RoleOfAsync(string userId);

    [Alias("ConnectedUsers"), ReadOnly]
    Task<int> ConnectedUsersAsync();

    /// <summary>None for a Security Official; who else asks is refused (403 connected, 404 stranger).</summary>
    [Alias("Guard"), ReadOnly]
    Task<Refusal?> GuardAsync(string actor);

    [Alias("Members"), ReadOnly]
    Task<AccessResult<MemberView[]>> MembersAsync(string actor);

    [Alias("Requests"), ReadOnly]
    Task<AccessResult<RequestView[]>> RequestsAsync(string actor, string? status);

    /// <summary>A-31: who holds which role here, for the Service Center (operators only).</summary>
    [Alias("MembersForServiceCenter"), ReadOnly]
    Task<ServiceCenterMember[]> MembersForServiceCenterAsync(string operatorId);

    /// <summary>
    /// a role that arrives from elsewhere (a Shared Savings Program ACO's, from ACO-MS), set
    /// by an operator's import. Null outcome with a reason when the line cannot be applied.
    /// </summary>
    [Alias("ImportRole")]
    Task<RoleImport> ImportRoleAsync(string operatorId, Person person, string role);
}

/// <summary>What importing one role did.</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.RoleImport")]
public sealed record RoleImport([property: Id(0)] ImportOutcome? Outcome, [property: Id(1)] string? Reason = null);
