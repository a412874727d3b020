namespace QppOrleans.WebPortal.Api;

// The API's directory bodies (API.md "Directory and search").

/// <param name="EntityIdName">What the model calls its entity's id ("ACO ID", "PCF Practice ID").</param>
public sealed record ApmModel(string Id, string Name, string EntityIdName, string Validation, bool MultiTin);

public sealed record FoundOrganization(string OrgType, string OrgId, string Name, string? City, string? State);

/// <param name="ValidationTins">For an APM entity of a two-TIN model: how many participant TINs its first Security Official gives (1 for a single-TIN entity, A-14).</param>
public sealed record OrganizationDetail(
    string OrgType, string OrgId, string Name, string? Address1, string? Address2, string? City, string? State, string? Zip, string? ApmModel,
    int? ValidationTins = null);
