using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Directory;

namespace QppOrleans.Grains.Access;

/// <summary>
/// The rules of connecting to one organization (A-21 … A-29), over its state: each command
/// changes the state and returns the events to commit with it, or says why it was refused.
/// Plain C#, tested without Orleans; <see cref="OrganizationGrain"/> only loads, commits, publishes.
/// </summary>
public sealed class OrganizationAccess(OrganizationState state, OrganizationRef organization, DateTimeOffset now, Permissions? permissions = null)
{
    private readonly Permissions table = permissions ?? Permissions.Default;

    public const int AttemptLimit = 3;

    public List<DomainEvent> Events { get; } = [];

    public bool HasSecurityOfficial => state.Members.Values.Any(m => m.Role == Roles.SecurityOfficial);

    public string? RoleOf(string userId) => state.Members.TryGetValue(userId, out var member) ? member.Role : null;

    /// <summary>
    /// One item of an access request, against what the directory lists for the organization
    /// (<paramref name="listing"/>): a Shared Savings Program ACO is refused; a clinician
    /// proves their NPI and a first Security Official the organization with
    /// <paramref name="given"/>; an organization the directory does not list is refused without an
    /// attempt counted or anything stored, so invented ids cost neither storage nor Service Center
    /// escalations (A-26: only a check against the directory is an attempt).
    /// </summary>
    public RequestOutcome Request(Person requester, string role, DirectoryListing listing, Validation? given)
    {
        Func<Verdict?> validate = role == Roles.Clinician
            ? () => Validations.Clinician(organization.OrgId, given, listing.Clinicians)
            : () => Validations.FirstSecurityOfficial(organization.OrgType, listing.Entry, given);
        if (!listing.Listed && role is Roles.Clinician or Roles.SecurityOfficial)
        {
            return Rejected(validate()?.Refusal ?? AccessMessages.NotVerified);
        }

        var sharedSavingsProgram = role != Roles.Clinician && ApmModels.Find(listing.Entry?.ApmModel)?.Ssp == true;
        return Request(requester, role, sharedSavingsProgram, validate);
    }

    /// <summary>
    /// One item of an access request. <paramref name="validation"/> is what
    /// <see cref="Validations"/> says of the validation information (computed by the caller,
    /// which can read the directory); it matters only where validation applies.
    /// </summary>
    public RequestOutcome Request(Person requester, string role, bool sharedSavingsProgram, Func<Verdict?> validation)
    {
        var orgId = organization.OrgId;
        if (sharedSavingsProgram)
        {
            return Rejected(AccessMessages.SharedSavingsProgram);
        }

        var held = RoleOf(requester.UserId);
        if (held == role)
        {
            return Rejected(AccessMessages.AlreadyConnected);
        }

        // a change between Security Official and Staff User goes through QPP, so that nobody
        // can approve their own change and no organization is left without a Security Official.
        if (held is not null)
        {
            return Rejected(AccessMessages.RoleChangeByQpp);
        }

        if (state.Requests.Find(r => r.UserId == requester.UserId && r.Role == role && r.Status == RequestStatus.Pending) is { } open)
        {
            return new RequestOutcome(orgId, RequestStatus.Pending, open.RequestId);
        }

        if (state.Escalations.ContainsKey(requester.UserId))
        {
            return Rejected(AccessMessages.AttemptLimit);
        }

        // a clinician proves their own NPI and PTAN; A-22: the first Security Official proves the organization.
        var validates = role == Roles.Clinician || (role == Roles.SecurityOfficial && !HasSecurityOfficial);
        if (!validates)
        {
            // nobody asks to be Staff User (or an additional Security Official) before there is a Security Official.
            return HasSecurityOfficial ? Pend(requester, role) : Rejected(AccessMessages.SecurityOfficialRequired);
        }

        if (validation() is { } verdict)
        {
            // only an attempt checked against the directory counts; a form error is just answered.
            return verdict.IsAttempt ? Fail(requester, role, verdict.Refusal) : Rejected(verdict.Refusal);
        }

        state.FailedAttempts.Remove(requester.UserId);
        Grant(requester, role, requestId: Guid.NewGuid().ToString("N"), decidedBy: requester.UserId);
        return new RequestOutcome(orgId, RequestStatus.Approved);
    }

    /// <summary>A-27: a Security Official approves a pending request.</summary>
    public Refusal? Approve(string actor, string requestId)
    {
        var (error, request) = PendingRequest(actor, requestId);
        if (error is not null)
        {
            return error;
        }

        request!.Status = RequestStatus.Approved;
        (request.DecidedAt, request.DecidedBy) = (now, actor);
        Grant(new Person(request.UserId, request.Name, request.Email), request.Role, request.RequestId, actor);
        return null;
    }

    /// <summary>A-27: a Security Official denies a pending request; the person may ask again.</summary>
    public Refusal? Deny(string actor, string requestId, string? reason)
    {
        var (error, request) = PendingRequest(actor, requestId);
        if (error is not null)
        {
            return error;
        }

        request!.Status = RequestStatus.Denied;
        (request.DecidedAt, request.DecidedBy, request.Reason) = (now, actor, reason);
        Announce(new AccessDenied
        {
            RequestId = request.RequestId, Member = Recipient(request.UserId, request.Name, request.Email), Role = request.Role, Reason = reason,
            Notify = [Recipient(request.UserId, request.Name, request.Email), .. SecurityOfficials()],
        }, actor);
        return null;
    }

    /// <summary>A-27: a Security Official removes a person's role; the last one cannot remove their own.</summary>
    public Refusal? Remove(string actor, string userId)
    {
        var error = Guard(actor);
        if (error is not null)
        {
            return error;
        }

        if (!state.Members.TryGetValue(userId, out var member))
        {
            return AccessMessages.NoSuchMember;
        }

        if (userId == actor && member.Role == Roles.SecurityOfficial && state.Members.Values.Count(m => m.Role == Roles.SecurityOfficial) == 1)
        {
            return AccessMessages.LastSecurityOfficial;
        }

        RemoveRole(member, actor, reason: null);
        return null;
    }

    /// <summary>A-27, A-28: the Service Center removes any role, the last Security Official's included.</summary>
    public Refusal? RemoveByServiceCenter(string operatorId, string userId, string? reason)
    {
        if (!state.Members.TryGetValue(userId, out var member))
        {
            return AccessMessages.NoSuchMember;
        }

        RemoveRole(member, operatorId, reason);
        return null;
    }

    /// <summary>A-28: only the Service Center changes a role (Security Official ↔ Staff User).</summary>
    public Refusal? ChangeRole(string operatorId, string userId, string role)
    {
        if (!state.Members.TryGetValue(userId, out var member))
        {
            return AccessMessages.NoSuchMember;
        }

        if (member.Role == role)
        {
            return null;
        }

        var from = member.Role;
        member.Role = role;
        Announce(new RoleChanged
        {
            Member = Recipient(member.UserId, member.Name, member.Email), FromRole = from, ToRole = role,
            Notify = [Recipient(member.UserId, member.Name, member.Email), .. SecurityOfficials().Where(r => r.UserId != member.UserId)],
        }, operatorId);
        return null;
    }

    /// <summary>
    /// reminds the Security Officials of requests that wait too long, and expires those that
    /// waited longest, with a reason the requester sees. True when anything changed.
    /// </summary>
    public bool FollowUp(PendingRequestOptions options)
    {
        var changed = false;
        foreach (var request in state.Requests.Where(r => r.Status == RequestStatus.Pending).ToList())
        {
            var waited = now - request.RequestedAt;
            var requester = Recipient(request.UserId, request.Name, request.Email);
            if (waited >= options.ExpireAfter)
            {
                var reason = $"No Security Official of the organization decided this request within {options.ExpireAfter.TotalDays:0} days, so it has expired. You may ask again.";
                (request.Status, request.DecidedAt, request.DecidedBy, request.Reason) = (RequestStatus.Expired, now, "system", reason);
                Announce(new AccessRequestExpired
                {
                    RequestId = request.RequestId, Requester = requester, Role = request.Role, Reason = reason,
                    Notify = [requester, .. SecurityOfficials()],
                }, "system");
                changed = true;
            }
            else if ((request.Reminders == 0 && waited >= options.RemindAfter) || (request.Reminders == 1 && waited >= options.RemindAgainAfter))
            {
                request.Reminders++;
                Announce(new AccessRequestReminded
                {
                    RequestId = request.RequestId, Requester = requester, Role = request.Role, RequestedAt = request.RequestedAt,
                    Notify = [.. SecurityOfficials()],
                }, "system");
                changed = true;
            }
        }

        return changed;
    }

    public bool HasPendingRequests => state.Requests.Exists(r => r.Status == RequestStatus.Pending);

    /// <summary>
    /// a role imported by an operator (Shared Savings Program ACOs get theirs from ACO-MS):
    /// granted, changed to the imported one, or left as it is.
    /// </summary>
    public RoleImport ImportRole(string operatorId, Person person, string role, DirectoryEntry? entry)
    {
        // only Shared Savings Program ACOs take their roles from elsewhere; the others' come through QPP.
        return entry is not null && ApmModels.Find(entry.ApmModel)?.Ssp == true
            ? new RoleImport(Import(operatorId, person, role))
            : new RoleImport(null, "orgId: roles are imported for Shared Savings Program ACOs in the directory only (A-15).");
    }

    private ImportOutcome Import(string operatorId, Person person, string role)
    {
        if (!state.Members.TryGetValue(person.UserId, out var member))
        {
            Grant(person, role, $"aco-ms/{organization.OrgType}/{organization.OrgId}", operatorId);
            return ImportOutcome.Created;
        }

        if (member.Role == role)
        {
            return ImportOutcome.Unchanged;
        }

        ChangeRole(operatorId, person.UserId, role);
        return ImportOutcome.Updated;
    }

    /// <summary>A-26: the Service Center resolves an escalation: grants the role, or closes it so the person may try again.</summary>
    public Refusal? ResolveEscalation(string operatorId, string userId, bool approve, string? note)
    {
        if (!state.Escalations.Remove(userId, out var escalation))
        {
            return AccessMessages.NoEscalation;
        }

        state.FailedAttempts.Remove(userId);
        var person = new Person(escalation.UserId, escalation.Name, escalation.Email);
        if (approve)
        {
            Grant(person, escalation.Role, RequestStatus.EscalationId(organization), operatorId);
        }
        else
        {
            Announce(new AccessDenied
            {
                RequestId = RequestStatus.EscalationId(organization), Member = Recipient(person), Role = escalation.Role, Reason = note,
                Notify = [Recipient(person)],
            }, operatorId);
        }

        return null;
    }

    /// <summary>
    /// Anyone connected may look; managing access needs a role the permission table gives
    /// <c>manage-access</c> (A-20: the Security Official's) — else 403; strangers learn nothing (404).
    /// </summary>
    public Refusal? Guard(string actor) => RoleOf(actor) switch
    {
        null => AccessMessages.NotConnected,
        var role when table.Allows(organization.OrgType, role, Permissions.ManageAccess) => null,
        _ => AccessMessages.NotSecurityOfficial,
    };

    private (Refusal?, AccessRequest?) PendingRequest(string actor, string requestId)
    {
        var error = Guard(actor);
        if (error is not null)
        {
            return (error, null);
        }

        var request = state.Requests.Find(r => r.RequestId == requestId);
        return request is null ? (AccessMessages.NoSuchRequest, null)
            : request.Status != RequestStatus.Pending ? (AccessMessages.RequestNotPending, null)
            : (null, request);
    }

    private RequestOutcome Pend(Person requester, string role)
    {
        var request = new AccessRequest
        {
            RequestId = Guid.NewGuid().ToString("N"), UserId = requester.UserId, Name = requester.Name, Email = requester.Email,
            Role = role, Status = RequestStatus.Pending, RequestedAt = now,
        };
        state.Requests.Add(request);
        Announce(new AccessRequested
        {
            RequestId = request.RequestId, Requester = Recipient(requester), Role = role,
            Notify = [Recipient(requester), .. SecurityOfficials()],
        }, requester.UserId);
        return new RequestOutcome(organization.OrgId, RequestStatus.Pending, request.RequestId);
    }

    private RequestOutcome Fail(Person requester, string role, Refusal refusal)
    {
        var attempts = state.FailedAttempts[requester.UserId] = state.FailedAttempts.GetValueOrDefault(requester.UserId) + 1;
        if (attempts < AttemptLimit)
        {
            state.Version++;
            return Rejected(refusal);
        }

        // the third failure sends the request to the Service Center.
        state.Escalations[requester.UserId] = new Escalation { UserId = requester.UserId, Name = requester.Name, Email = requester.Email, Role = role, At = now };
        Announce(new AccessEscalated
        {
            Requester = Recipient(requester), Role = role, Message = AccessMessages.AttemptLimit.Message, Notify = [Recipient(requester)],
        }, requester.UserId);
        return Rejected(AccessMessages.AttemptLimit);
    }

    private void Grant(Person person, string role, string requestId, string decidedBy)
    {
        state.Members[person.UserId] = new Member { UserId = person.UserId, Name = person.Name, Email = person.Email, Role = role, Since = now };
        Announce(new AccessApproved
        {
            RequestId = requestId, Member = Recipient(person), Role = role,
            Notify = [Recipient(person), .. SecurityOfficials().Where(r => r.UserId != person.UserId)],
        }, decidedBy);
    }

    private void RemoveRole(Member member, string actor, string? reason)
    {
        state.Members.Remove(member.UserId);
        Announce(new AccessRemoved
        {
            Member = Recipient(member.UserId, member.Name, member.Email), Role = member.Role, Reason = reason,
            Notify = [Recipient(member.UserId, member.Name, member.Email), .. SecurityOfficials()],
        }, actor);
    }

    private void Announce(OrganizationEvent e, string actor)
    {
        state.Version++;
        Events.Add(e with { OccurredAt = now, Actor = actor, Organization = organization, Version = state.Version });
    }

    private IEnumerable<Recipient> SecurityOfficials() =>
        state.Members.Values.Where(m => m.Role == Roles.SecurityOfficial).OrderBy(m => m.UserId, StringComparer.Ordinal).Select(m => Recipient(m.UserId, m.Name, m.Email));

    private RequestOutcome Rejected(Refusal refusal) => new(organization.OrgId, RequestStatus.Rejected, Code: refusal.Code, Message: refusal.Message);

    private static Recipient Recipient(Person person) => new(person.UserId, person.Name, person.Email);

    private static Recipient Recipient(string userId, string name, string email) => new(userId, name, email);
}
