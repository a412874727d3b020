using System.Text.Json;

namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>
/// what each role lets a person do, per organization type — the seed's Appendix B as data
/// (<c>permissions.json</c>, or the file named by <c>Access:PermissionTableFile</c>). It is the one
/// authority: the organization grain asks it who may manage access, the registration grain who
/// may see and change a registration, and <c>GET /api/me/permissions</c> shows it.
/// </summary>
public sealed class Permissions
{
    public const string ManageAccess = "manage-access";
    public const string ViewRegistration = "view-registration";
    public const string ManageRegistration = "manage-registration";

    public const string FileKey = "Access:PermissionTableFile";

    /// <summary>The table the service ships.</summary>
    public static Permissions Default { get; } = Load(typeof(Permissions).Assembly.GetManifestResourceStream("QppOrleans.Grains.Abstractions.Access.permissions.json")
        ?? throw new InvalidOperationException("The permission table is missing from the assembly."));

    private readonly Dictionary<string, Dictionary<string, string[]>> table;

    private Permissions(Dictionary<string, Dictionary<string, string[]>> table) => this.table = table;

    /// <summary>The shipped table, or the one in <paramref name="file"/> when one is named.</summary>
    public static Permissions From(string? file)
    {
        if (string.IsNullOrWhiteSpace(file))
        {
            return Default;
        }

        using var stream = File.OpenRead(file);
        return Load(stream);
    }

    public IReadOnlyList<string> ActionsFor(string orgType, string? role) =>
        role is not null && table.TryGetValue(orgType, out var roles) && roles.TryGetValue(role, out var actions) ? actions : [];

    public bool Allows(string orgType, string? role, string action) => ActionsFor(orgType, role).Contains(action);

    private static Permissions Load(Stream json)
    {
        using var document = JsonDocument.Parse(json);
        return new Permissions(document.RootElement.EnumerateObject()
            .Where(type => !type.Name.StartsWith('_'))
            .ToDictionary(
                type => type.Name,
                type => type.Value.EnumerateObject().ToDictionary(role => role.Name, role => role.Value.EnumerateArray().Select(a => a.GetString()!).ToArray())));
    }
}
