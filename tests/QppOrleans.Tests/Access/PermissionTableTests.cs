using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Access;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>A-20: the permission table is the seed's Appendix B, cell by cell (unit).</summary>
public sealed class PermissionTableTests
{
    /// <summary>
    /// Appendix B of the connect guide as a list of cells: organization type, action, whether the
    /// Staff User has it, whether the Security Official has it. The last two of each type come
    /// from the registration guide (connected users see a registration, Security Officials change it).
    /// </summary>
    public static TheoryData<string, string, bool, bool> AppendixB() => new()
    {
        { OrgTypes.Practice, "view-eligibility", true, true },
        { OrgTypes.Practice, "submit-data", true, true },
        { OrgTypes.Practice, "view-claims-measures", true, true },
        { OrgTypes.Practice, "view-feedback", true, true },
        { OrgTypes.Practice, "access-care-compare-preview", true, true },
        { OrgTypes.Practice, "access-cost-measure-reports", true, true },
        { OrgTypes.Practice, "access-apm-incentive-payments", true, true },
        { OrgTypes.Practice, "request-targeted-review", true, true },
        { OrgTypes.Practice, "register-mvp", false, true },
        { OrgTypes.Practice, "register-cahps", false, true },
        { OrgTypes.Practice, "manage-access", false, true },
        { OrgTypes.Practice, "view-registration", true, true },
        { OrgTypes.Practice, "manage-registration", false, true },
        { OrgTypes.ApmEntity, "view-participants", true, true },
        { OrgTypes.ApmEntity, "view-eligibility", true, true },
        { OrgTypes.ApmEntity, "submit-quality-data", true, true },
        { OrgTypes.ApmEntity, "view-feedback", true, true },
        { OrgTypes.ApmEntity, "request-targeted-review", true, true },
        { OrgTypes.ApmEntity, "manage-access", false, true },
        { OrgTypes.ApmEntity, "register-mvp", false, true },
        { OrgTypes.ApmEntity, "register-cahps", false, true },
        { OrgTypes.ApmEntity, "view-registration", true, true },
        { OrgTypes.ApmEntity, "manage-registration", false, true },
        { OrgTypes.Registry, "submit-data", true, true },
        { OrgTypes.Registry, "view-preliminary-feedback", true, true },
        { OrgTypes.Registry, "manage-access", false, true },
        { OrgTypes.Registry, "complete-self-nomination", false, true },
        { OrgTypes.Registry, "download-api-token", false, true },
        { OrgTypes.VirtualGroup, "view-participants", true, true },
        { OrgTypes.VirtualGroup, "submit-data", true, true },
        { OrgTypes.VirtualGroup, "view-feedback", true, true },
        { OrgTypes.VirtualGroup, "access-care-compare-preview", true, true },
        { OrgTypes.VirtualGroup, "request-targeted-review", true, true },
        { OrgTypes.VirtualGroup, "manage-access", false, true },
        { OrgTypes.VirtualGroup, "register-cahps", false, true },
        { OrgTypes.VirtualGroup, "view-registration", true, true },
        { OrgTypes.VirtualGroup, "manage-registration", false, true },
    };

    [Theory]
    [MemberData(nameof(AppendixB))]
    public void A20_Each_cell_of_Appendix_B_is_the_tables_answer(string orgType, string action, bool staffUser, bool securityOfficial)
    {
        Assert.Equal(staffUser, Permissions.Default.Allows(orgType, Roles.StaffUser, action));
        Assert.Equal(securityOfficial, Permissions.Default.Allows(orgType, Roles.SecurityOfficial, action));
    }

    [Fact]
    public void A20_The_table_gives_no_action_Appendix_B_does_not_name()
    {
        var cells = AppendixB().Select(row => ((string)row[0], (string)row[1])).ToHashSet();
        foreach (var orgType in OrgTypes.All)
        {
            foreach (var role in new[] { Roles.StaffUser, Roles.SecurityOfficial })
            {
                Assert.All(Permissions.Default.ActionsFor(orgType, role), action => Assert.Contains((orgType, action), cells));
            }
        }

        // the clinician's own role, outside the two of Appendix B.
        Assert.Equal(["view-eligibility", "view-feedback"], Permissions.Default.ActionsFor(OrgTypes.Practice, Roles.Clinician));
    }
}

/// <summary>The embedded default with a permission table whose cells were changed: Staff Users manage access, Security Officials may not change registrations.</summary>
public sealed class ChangedPermissionsFixture : ApiFixture
{
    private readonly string file = Path.Combine(Path.GetTempPath(), $"qpp-permissions-{Guid.NewGuid():N}.json");

    protected override async Task<Dictionary<string, string?>> PrepareAsync()
    {
        await using var shipped = typeof(Permissions).Assembly.GetManifestResourceStream("QppOrleans.Grains.Abstractions.Access.permissions.json")!;
        var table = (await JsonNode.ParseAsync(shipped))!;
        table["practice"]!["staff-user"]!.AsArray().Add("manage-access");
        var securityOfficial = table["practice"]!["security-official"]!.AsArray();
        securityOfficial.Remove(securityOfficial.Single(a => a!.GetValue<string>() == "manage-registration"));
        await File.WriteAllTextAsync(file, table.ToJsonString());
        return new Dictionary<string, string?> { [Permissions.FileKey] = file };
    }

    protected override Task CleanUpAsync()
    {
        File.Delete(file);
        return Task.CompletedTask;
    }
}

/// <summary>A-20 over HTTP: the grains decide by the table, so changing a cell changes the decision.</summary>
public sealed class ChangedPermissionsTests(ChangedPermissionsFixture api) : IClassFixture<ChangedPermissionsFixture>
{
    [Fact]
    public async Task A20_A_Staff_User_given_manage_access_approves_and_a_Security_Official_without_manage_registration_is_refused()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, ann) = await world.PersonAsync("ann");
        var annRequest = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsync($"{world.Base}/access-requests/{annRequest}/approve", null)).StatusCode);
        var (_, bob) = await world.PersonAsync("bob");
        var bobRequest = (await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await ann.PostAsync($"{world.Base}/access-requests/{bobRequest}/approve", null)).StatusCode);
        await Portal.ProblemAsync(await sam.PutAsJsonAsync($"/api/registrations/2026/practice/{world.Tin}/size", new { size = "25-99" }), HttpStatusCode.Forbidden, "forbidden");
        var permissions = await ann.GetFromJsonAsync<JsonElement>($"/api/me/permissions?orgType=practice&orgId={world.Tin}");
        Assert.Contains("manage-access", permissions.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }
}
