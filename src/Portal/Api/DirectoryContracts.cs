namespace QppOrleans.WebPortal.Api;

// The API's directory bodies (API.md "Directory and search").

public sealed record ApmModel(string Id, string Name, string Validation, bool MultiTin);

public sealed record FoundOrganization(string OrgType, string OrgId, string Name, string? City, string? State);

public sealed record OrganizationDetail(
    string OrgType, string OrgId, string Name, string? Address1, string? Address2, string? City, string? State, string? Zip, string? ApmModel);
