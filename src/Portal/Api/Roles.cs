namespace QppOrleans.WebPortal.Api;

/// <summary>Roles as the API spells them, and their words on screen.</summary>
public static class Roles
{
    public const string SecurityOfficial = "security-official";
    public const string StaffUser = "staff-user";
    public const string Clinician = "clinician";

    public static string Name(string role) => role switch
    {
        SecurityOfficial => "Security Official",
        StaffUser => "Staff User",
        Clinician => "Clinician",
        _ => role,
    };
}
