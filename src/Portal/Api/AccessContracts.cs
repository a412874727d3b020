namespace QppOrleans.WebPortal.Api;

// The API's bodies for connecting to organizations and managing access (API.md "Connect to an organization").

public sealed record ConnectedOrganizations(
    ConnectedOrganization[] Practices, ConnectedOrganization[] ApmEntities, ConnectedOrganization[] Registries, ConnectedOrganization[] VirtualGroups)
{
    public IEnumerable<ConnectedOrganization> All => [.. ApmEntities, .. Registries, .. Practices, .. VirtualGroups];
}

public sealed record ConnectedOrganization(string OrgType, string OrgId, string Name, string Role, int ConnectedUsers, RegistrationStatus? Registration);

public sealed record RegistrationStatus(int PerformanceYear, ProgramFlag WebInterface, ProgramFlag Cahps);

public sealed record ProgramFlag(bool Registered, string? RegistrationId);

/// <param name="Reason">Why the request ended, when someone said: a denial's reason, or why it expired .</param>
public sealed record MyRequest(string RequestId, string OrgType, string OrgId, string Name, string Role, string Status, DateTimeOffset At, string? Reason);

public sealed record AccessRequestBody(string OrgType, AccessItem[] Items);

public sealed record AccessItem(string OrgId, string Role, ValidationBody? Validation);

public sealed record ValidationBody(string? Tin = null, string? Npi = null, string? Ptan = null, string? VendorId = null, string[]? Tins = null);

public sealed record AccessRequestResults(RequestOutcome[] Results);

public sealed record RequestOutcome(string OrgId, string Status, string? RequestId, string? Code, string? Message);

public sealed record PendingRequest(string RequestId, string UserId, string Name, string Role, string Status, DateTimeOffset RequestedAt, string? Reason);

public sealed record Member(string UserId, string Name, string Role, DateTimeOffset Since);

public sealed record AuditEntry(Guid EventId, DateTimeOffset At, string Actor, string Action, string Details);

public sealed record DenyBody(string? Reason);
