namespace QppOrleans.WebPortal.Api;

// The API's registration bodies (API.md "Registration").

public sealed record Overview(int Total, OverviewItem[] Organizations);

public sealed record OverviewItem(string OrgType, string OrgId, string Name, string? Size, string? RegistrationId, ProgramFlag WebInterface, ProgramFlag Cahps);

public sealed record RegistrationRecord(
    string OrgType, string OrgId, int PerformanceYear, string? RegistrationId, string? Size, OrganizationInfo Organization,
    Contact[] Contacts, ProgramStatus WebInterface, ProgramStatus Cahps, Sampling? Sampling, ContactDraft? ContactDraft)
{
    public ProgramStatus Program(string program) => program == Programs.WebInterface ? WebInterface : Cahps;
}

public sealed record OrganizationInfo(string Name, string? Address1, string? Address2, string? City, string? State, string? Zip);

public sealed record Contact(string ContactId, string FirstName, string LastName, string Email, string Phone, string? Extension);

public sealed record ContactDraft(string FirstName, string LastName);

public sealed record ProgramStatus(bool Registered, DateTimeOffset? RegisteredAt, bool Auto);

public sealed record Sampling(int WebInterfaceAssignedPatients, bool CahpsSampleMet, bool WebInterfaceFlagged, bool CahpsFlagged);

public sealed record HistoryEntry(DateTimeOffset At, string UserId, string Role, string Action, string Details);

public sealed record SizeBody(string Size, bool Confirm);

public sealed record ContactBody(string? FirstName, string? LastName, string? Email, string? Phone, string? Extension);

public sealed record OrganizationBody(string? Name, string? Address1, string? Address2, string? City, string? State, string? Zip);

public sealed record RegisteredProgram(string RegistrationId);
