using QppOrleans.Grains.Abstractions.Registration;

namespace QppOrleans.Api.Registration;

public sealed record SizeBody(string? Size, bool? Confirm);

public sealed record OrganizationBody(string? Name, string? Address1, string? Address2, string? City, string? State, string? Zip);

public sealed record ContactBody(string? FirstName, string? LastName, string? Email, string? Phone, string? Extension);

public sealed record CreatedContact(string ContactId);

public sealed record RegisteredProgram(string RegistrationId);

public sealed record ContactDraft(string FirstName, string LastName);

/// <summary>API.md <c>GET {base}</c>.</summary>
public sealed record RegistrationBody(
    string OrgType, string OrgId, int PerformanceYear, string? RegistrationId, string? Size, OrganizationInfo Organization,
    Contact[] Contacts, ProgramStatus WebInterface, ProgramStatus Cahps, Sampling? Sampling, ContactDraft? ContactDraft);

public sealed record ProgramFlag(bool Registered, string? RegistrationId);

public sealed record OverviewItem(string OrgType, string OrgId, string Name, string? Size, string? RegistrationId, ProgramFlag WebInterface, ProgramFlag Cahps);

public sealed record Overview(int Total, OverviewItem[] Organizations);

/// <summary>R-12: the registration part of a connected organization.</summary>
public sealed record RegistrationStatus(int PerformanceYear, ProgramFlag WebInterface, ProgramFlag Cahps);
