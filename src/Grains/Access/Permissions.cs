using System.Text.Json;

namespace QppOrleans.Grains.Access;

/// <summary>
/// what each role lets a person do, per organization type — the seed's Appendix B as data
/// (<c>permissions.json</c>). Every "may U do X at O" question is answered here.
/// </summary>
public static class Permissions
{
    public const string ManageAccess = "manage-access";
    public const string ViewRegistration = "view-registration";
    public const string ManageRegistration = "manage-registration";

    private static readonly Dictionary<string, Dictionary<string, string[]>> Table = Load();

    public static IReadOnlyList<string> ActionsFor(string orgType, string? role) =>
        role is not null && Table.TryGetValue(orgType, out var roles) && roles.TryGetValue(role, out var actions) ? actions : [];

    public static bool Allows(string orgType, string? role, string action) => ActionsFor(orgType, role).Contains(action);

    private static Dictionary<string, Dictionary<string, string[]>> Load()
    {
        using var stream = typeof(Permissions).Assembly.GetManifestResourceStream("QppOrleans.Grains.Access.permissions.json")
            ?? throw new InvalidOperationException("The permission table is missing from the assembly.");
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.EnumerateObject()
            .Where(type => !type.Name.StartsWith('_'))
            .ToDictionary(
                type => type.Name,
                type => type.Value.EnumerateObject().ToDictionary(role => role.Name, role => role.Value.EnumerateArray().Select(a => a.GetString()!).ToArray()));
    }
}
