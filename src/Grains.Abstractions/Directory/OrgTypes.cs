namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>Organization types as routes and records spell them (A-10).</summary>
public static class OrgTypes
{
    public const string Practice = "practice";
    public const string ApmEntity = "apm-entity";
    public const string Registry = "registry";
    public const string VirtualGroup = "virtual-group";

    public static readonly IReadOnlyList<string> All = [Practice, ApmEntity, Registry, VirtualGroup];

    /// <summary>Checks and normalizes an organization id of <paramref name="orgType"/> (A-12).</summary>
    public static bool TryNormalizeId(string orgType, string? orgId, out string normalized, out string error)
    {
        normalized = "";
        switch (orgType)
        {
            case Practice:
                var ok = Tin.TryParse(orgId, out var tin, out error);
                normalized = ok ? tin.Value : "";
                return ok;
            case ApmEntity:
                return ProgramId.TryNormalize(orgId, "An APM Entity ID", out normalized, out error);
            case Registry:
                return ProgramId.TryNormalize(orgId, "A Vendor ID", out normalized, out error);
            case VirtualGroup:
                return ProgramId.TryNormalize(orgId, "A Virtual Group ID", out normalized, out error);
            default:
                error = $"The organization type is one of {string.Join(", ", All)}.";
                return false;
        }
    }
}
