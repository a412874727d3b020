using System.Globalization;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Notifications;

/// <summary>How messages name roles, programs and organizations.</summary>
public static class Wording
{
    public static string Role(string role) => role switch
    {
        "security-official" => "Security Official",
        "staff-user" => "Staff User",
        "clinician" => "Clinician",
        _ => role,
    };

    public static string Program(string program) => program switch
    {
        "web-interface" => "CMS Web Interface",
        "cahps" => "CAHPS for MIPS Survey",
        _ => program,
    };

    /// <summary>
    /// "Better Business Health (practice, TIN ending in 5630)". Only the last four digits of a TIN
    /// appear, so that a forwarded message does not hand out the organization's tax id.
    /// </summary>
    public static string Organization(OrganizationRef organization) => organization.OrgType switch
    {
        "practice" => $"{organization.Name} (practice, TIN ending in {Last4(organization.OrgId)})",
        "apm-entity" => $"{organization.Name} (APM Entity {organization.OrgId})",
        "registry" => $"{organization.Name} (registry, Vendor ID {organization.OrgId})",
        "virtual-group" => $"{organization.Name} (virtual group {organization.OrgId})",
        _ => organization.Name,
    };

    /// <summary>Eastern time, the clock the program's deadlines are stated in.</summary>
    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, Eastern).ToString("MMMM d, yyyy 'at' h:mm tt 'ET'", CultureInfo.InvariantCulture);

    private static readonly TimeZoneInfo Eastern = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    private static string Last4(string id) => id.Length <= 4 ? id : id[^4..];
}
