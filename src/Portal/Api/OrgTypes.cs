namespace QppOrleans.WebPortal.Api;

/// <summary>Organization types as the API spells them, and their words on screen.</summary>
public static class OrgTypes
{
    public const string Practice = "practice";
    public const string ApmEntity = "apm-entity";
    public const string Registry = "registry";
    public const string VirtualGroup = "virtual-group";

    /// <summary>Not an organization type of the API: a clinician connects to their own NPI as a practice .</summary>
    public const string Clinician = "clinician";

    public static readonly IReadOnlyList<string> All = [Practice, ApmEntity, Registry, VirtualGroup];

    public static bool IsKnown(string? orgType) => orgType is not null && All.Contains(orgType);

    public static string Name(string orgType) => orgType switch
    {
        Practice => "Practice",
        ApmEntity => "APM Entity",
        Registry => "Registry",
        VirtualGroup => "Virtual Group",
        Clinician => "Individual Clinician",
        _ => orgType,
    };

    public static string IdLabel(string orgType) => orgType switch
    {
        Practice => "TIN",
        ApmEntity => "APM Entity ID",
        Registry => "Vendor ID",
        VirtualGroup => "Virtual Group ID",
        _ => "ID",
    };

    /// <summary>A-12: a TIN is entered without dashes and shown as <c>00-0765630</c>.</summary>
    public static string ShowId(string orgType, string orgId) =>
        orgType == Practice && orgId.Length == 9 ? $"{orgId[..2]}-{orgId[2..]}" : orgId;
}
