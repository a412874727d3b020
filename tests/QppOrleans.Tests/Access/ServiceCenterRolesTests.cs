using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>A-15 and A-31 over HTTP: roles imported for Shared Savings Program ACOs, and the Service Center's view of who holds which role.</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class ServiceCenterRolesTests(ApiFixture api)
{
    [Fact]
    public async Task A31_The_Service_Center_lists_an_organizations_users_and_their_roles_and_nobody_else_may()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (samId, sam) = await world.SecurityOfficialAsync();
        using var operatorClient = api.SignedIn(ApiFixture.Operator);

        var response = await operatorClient.GetAsync($"/api/admin/organizations/practice/{world.Tin}/users");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = Assert.Single((await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray());
        Assert.Equal((samId, "security-official", Portal.EmailOf(samId)),
            (user.GetProperty("userId").GetString(), user.GetProperty("role").GetString(), user.GetProperty("email").GetString()));
        Assert.Equal("1", response.Headers.GetValues("X-Total-Count").Single());
        await Portal.ProblemAsync(await sam.GetAsync($"/api/admin/organizations/practice/{world.Tin}/users"), HttpStatusCode.Forbidden, "forbidden");
        await Portal.ProblemAsync(await operatorClient.GetAsync("/api/admin/organizations/practice/12"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A15_Roles_of_a_Shared_Savings_Program_ACO_arrive_by_an_operators_import_and_let_its_Security_Official_manage_its_registration()
    {
        var aco = $"A{Random.Shared.Next(1000, 9999)}";
        var pcf = $"PCF{Random.Shared.Next(1000, 9999)}";
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var directory = string.Join('\n',
            $$"""{"kind":"apm-entity","apmModel":"ssp","entityId":"{{aco}}","name":"Shared Savings ACO {{aco}}","participants":[{"tin":"811111111","npi":"1234567893"},{"tin":"822222222","npi":"1234567893"}]}""",
            $$"""{"kind":"apm-entity","apmModel":"pcf","entityId":"{{pcf}}","name":"PCF Practice {{pcf}}","participants":[{"tin":"811111111","npi":"1234567893"}]}""");
        Assert.True((await operatorClient.PostNdjsonAsync("/api/admin/directory", directory)).IsSuccessStatusCode);
        var (official, staff) = (Portal.NewUserId("aco-so"), Portal.NewUserId("aco-staff"));
        using var officialClient = api.SignedIn(official);
        api.IssueToken(staff);

        var lines = string.Join('\n',
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"{{official}}","role":"security-official"}""",
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"{{staff}}","role":"staff-user"}""",
            $$"""{"orgType":"apm-entity","orgId":"{{pcf}}","userId":"{{staff}}","role":"staff-user"}""",
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"nobody-signed-up","role":"staff-user"}""",
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"{{staff}}","role":"clinician"}""",
            """{"orgType":"practice","orgId":"000765630","userId":"x","role":"staff-user"}""",
            "not json");
        var report = await (await operatorClient.PostNdjsonAsync("/api/admin/roles", lines)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((2, 0, 0, 5), (report.GetProperty("created").GetInt32(), report.GetProperty("updated").GetInt32(),
            report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32()));
        Assert.Equal([3, 4, 5, 6, 7], report.GetProperty("rejections").EnumerateArray().Select(r => r.GetProperty("line").GetInt32()));

        var again = await (await operatorClient.PostNdjsonAsync("/api/admin/roles", string.Join('\n',
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"{{official}}","role":"security-official"}""",
            $$"""{"orgType":"apm-entity","orgId":"{{aco}}","userId":"{{staff}}","role":"security-official"}"""))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((0, 1, 1), (again.GetProperty("created").GetInt32(), again.GetProperty("updated").GetInt32(), again.GetProperty("unchanged").GetInt32()));

        var permissions = await officialClient.GetFromJsonAsync<JsonElement>($"/api/me/permissions?orgType=apm-entity&orgId={aco}");
        Assert.Equal("security-official", permissions.GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.OK, (await officialClient.PutAsJsonAsync($"/api/registrations/2026/apm-entity/{aco}/size", new { size = "100+" })).StatusCode);
        await Portal.ProblemAsync(await officialClient.PostNdjsonAsync("/api/admin/roles", lines), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("aco-ms", (await AccessWorld.RequestAsync(officialClient, "apm-entity", new { orgId = aco, role = "staff-user" })).GetProperty("code").GetString());
    }

}
