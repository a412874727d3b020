namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>Roles at an organization, as the API spells them.</summary>
public static class Roles
{
    public const string SecurityOfficial = "security-official";
    public const string StaffUser = "staff-user";
    public const string Clinician = "clinician";

    public static readonly IReadOnlyList<string> All = [SecurityOfficial, StaffUser, Clinician];
}
