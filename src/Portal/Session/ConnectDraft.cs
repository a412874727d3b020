namespace QppOrleans.WebPortal.Session;

/// <summary>
/// Connect to an Organization between its steps: the type (and APM model), the organizations
/// found so far (ids only, at most 25: the names are looked up again), and the role for each.
/// </summary>
public sealed record ConnectDraft(string OrgType, string? ApmModel, string[] OrgIds, Dictionary<string, string>? Roles)
{
    public const int MaxPractices = 25;

    public int Limit => OrgType == Api.OrgTypes.Practice ? MaxPractices : 1;

    public string? RoleOf(string orgId) => Roles is not null && Roles.TryGetValue(orgId, out var role) ? role : null;
}
