using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Registration;

/// <summary>R-1 for the other eligible types: a virtual group and an APM entity register both programs; a registry cannot.</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class OrganizationTypesRegistrationTests(ApiFixture api)
{
    [Fact]
    public async Task R1_R3_R7_A_virtual_group_registers_both_programs_under_one_registration_id()
    {
        var vg = $"VG-{Random.Shared.Next(100_000, 999_999)}";
        await ImportAsync($$"""{"kind":"virtual-group","vgId":"{{vg}}","name":"Virtual Group {{vg}}","tins":["811111111","822222222"]}""");
        using var so = api.SignedIn(Portal.NewUserId("vg-so"));
        Assert.Equal("approved", (await AccessWorld.RequestAsync(so, "virtual-group", new { orgId = vg, role = "security-official", validation = new { tins = new[] { "811111111", "822222222" } } }))
            .GetProperty("status").GetString());

        await RegisterBothAsync(so, $"/api/registrations/2026/virtual-group/{vg}");
    }

    [Fact]
    public async Task A25_A_virtual_groups_TINs_that_are_not_its_members_get_the_seeds_own_words_typo_and_all()
    {
        var vg = $"VG-{Random.Shared.Next(100_000, 999_999)}";
        await ImportAsync($$"""{"kind":"virtual-group","vgId":"{{vg}}","name":"Virtual Group {{vg}}","tins":["811111111","822222222"]}""");
        using var so = api.SignedIn(Portal.NewUserId("vg-typo"));

        var refused = await AccessWorld.RequestAsync(so, "virtual-group", new { orgId = vg, role = "security-official", validation = new { tins = new[] { "811111111", "899999999" } } });

        Assert.Equal("We could not verify the information your provided. Please try again.", refused.GetProperty("message").GetString());
    }

    [Fact]
    public async Task R1_R3_R7_An_APM_entity_registers_both_programs_under_one_registration_id()
    {
        var entity = $"PCF{Random.Shared.Next(100_000, 999_999)}";
        await ImportAsync($$"""{"kind":"apm-entity","apmModel":"pcf","entityId":"{{entity}}","name":"PCF Practice {{entity}}","participants":[{"tin":"811111111","npi":"1234567893"}]}""");
        using var so = api.SignedIn(Portal.NewUserId("apm-so"));
        Assert.Equal("approved", (await AccessWorld.RequestAsync(so, "apm-entity", new { orgId = entity, role = "security-official", validation = new { tin = "811111111", npi = "1234567893" } }))
            .GetProperty("status").GetString());

        await RegisterBothAsync(so, $"/api/registrations/2026/apm-entity/{entity}");
    }

    [Fact]
    public async Task R1_A_registry_has_no_registration()
    {
        var vendor = $"45-{Random.Shared.Next(1000, 9999)}";
        await ImportAsync($$"""{"kind":"registry","vendorId":"{{vendor}}","tin":"833333333","name":"Registry {{vendor}}","city":"Richmond","state":"VA"}""");
        using var so = api.SignedIn(Portal.NewUserId("reg-so"));
        Assert.Equal("approved", (await AccessWorld.RequestAsync(so, "registry", new { orgId = vendor, role = "security-official", validation = new { tin = "833333333", vendorId = vendor } }))
            .GetProperty("status").GetString());

        await Portal.ProblemAsync(await so.GetAsync($"/api/registrations/2026/registry/{vendor}"), HttpStatusCode.NotFound, "not-found");
    }

    private static async Task RegisterBothAsync(HttpClient so, string @base)
    {
        Assert.Equal(HttpStatusCode.OK, (await so.PutAsJsonAsync($"{@base}/size", new { size = "25-99" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await so.PutAsJsonAsync($"{@base}/organization", new { name = "Group", address1 = "1 Main St", city = "Richmond", state = "VA", zip = "23219" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await so.PostAsJsonAsync($"{@base}/contacts", new { firstName = "Jane", lastName = "Doe", email = "jane@example.org", phone = "4105550123" })).StatusCode);
        var webInterface = await (await so.PostAsync($"{@base}/programs/web-interface", null)).Content.ReadFromJsonAsync<JsonElement>();
        var cahps = await (await so.PostAsync($"{@base}/programs/cahps", null)).Content.ReadFromJsonAsync<JsonElement>();

        var id = webInterface.GetProperty("registrationId").GetString();
        Assert.Matches("^[0-9]{6,}$", id);
        Assert.Equal(id, cahps.GetProperty("registrationId").GetString());
        var record = await so.GetFromJsonAsync<JsonElement>(@base);
        Assert.True(record.GetProperty("webInterface").GetProperty("registered").GetBoolean());
        Assert.True(record.GetProperty("cahps").GetProperty("registered").GetBoolean());
    }

    private async Task ImportAsync(string line)
    {
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var report = await (await operatorClient.PostNdjsonAsync("/api/admin/directory", line)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
    }
}
