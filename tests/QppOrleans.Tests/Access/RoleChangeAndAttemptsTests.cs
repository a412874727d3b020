using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>A-26 and A-28 over HTTP: what counts as an attempt, and who changes a role.</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class RoleChangeAndAttemptsTests(ApiFixture api)
{
    [Fact]
    public async Task A27_A28_The_sole_Security_Official_asking_for_Staff_User_is_told_to_contact_QPP_and_stays_Security_Official()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (samId, sam) = await world.SecurityOfficialAsync();

        var refused = await AccessWorld.RequestAsync(sam, "practice", new { orgId = world.Tin, role = "staff-user" });

        Assert.Equal(("rejected", "role-change-by-qpp"), (refused.GetProperty("status").GetString(), refused.GetProperty("code").GetString()));
        Assert.Contains("contact QPP", refused.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Empty((await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending")).EnumerateArray());
        var users = (await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/users")).EnumerateArray().ToList();
        Assert.Equal(("security-official", samId), (users.Single().GetProperty("role").GetString(), users.Single().GetProperty("userId").GetString()));
    }

    [Fact]
    public async Task A28_A_Staff_User_asking_for_Security_Official_is_told_to_contact_QPP_and_nothing_waits_for_approval()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, ann) = await world.PersonAsync("ann");
        var requestId = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        Assert.True((await sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null)).IsSuccessStatusCode);

        var refused = await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "security-official" });

        Assert.Equal("role-change-by-qpp", refused.GetProperty("code").GetString());
        Assert.Empty((await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending")).EnumerateArray());
    }

    [Fact]
    public async Task A26_Form_errors_are_answered_without_counting_only_checked_attempts_reach_the_Service_Center()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, person) = await world.PersonAsync("typos");
        object[] formErrors =
        [
            new { orgId = world.Tin, role = "security-official", validation = new { npi = world.Npi, ptan = world.Ptan } },
            new { orgId = world.Tin, role = "security-official", validation = new { tin = "00-076563", npi = world.Npi, ptan = world.Ptan } },
            new { orgId = world.Tin, role = "security-official", validation = new { tins = new[] { world.Tin, "111111111" }, npi = world.Npi, ptan = world.Ptan } },
        ];
        string[] codes = [.. await Task.WhenAll(formErrors.Select(async item => (await AccessWorld.RequestAsync(person, "practice", item)).GetProperty("code").GetString()!))];
        Assert.Equal(["missing-information", "invalid-tin-format", "single-tin-required"], codes);

        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal("tin-ptan-mismatch", (await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem(ptan: "WRONG1"))).GetProperty("code").GetString());
        }

        Assert.Equal("approved", (await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem())).GetProperty("status").GetString());
    }
}
