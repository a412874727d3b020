using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Registration;

/// <summary>Development with a second performance year open, 2025 before 2026.</summary>
public sealed class TwoYearsFixture : ApiFixture
{
    protected override Task<Dictionary<string, string?>> PrepareAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Registration:Windows:2025:Opens"] = "2025-01-04T10:00:00",
        ["Registration:Windows:2025:Closes"] = "2027-06-30T20:00:00",
        ["Registration:Windows:2025:Programs:0"] = "web-interface",
        ["Registration:Windows:2025:Programs:1"] = "cahps",
    });
}

/// <summary>R-10, registration guide Section V: an automatic registration starts from the prior-year registration.</summary>
public sealed class CarriedOverTests(TwoYearsFixture api) : IClassFixture<TwoYearsFixture>
{
    [Fact]
    public async Task R10_An_automatic_registration_starts_from_last_years_size_organization_and_contacts_and_mails_them()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var lastYear = $"/api/registrations/2025/practice/{world.Tin}";
        var contact = $"prior-{world.Tin}@example.org";
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"{lastYear}/size", new { size = "100+" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"{lastYear}/organization", new { name = "Prior Year Clinic", address1 = "9 Old Rd", city = "Towson", state = "MD", zip = "21204" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await sam.PostAsJsonAsync($"{lastYear}/contacts", new { firstName = "Pat", lastName = "Prior", email = contact, phone = "4105550123" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await sam.PostAsync($"{lastYear}/programs/web-interface", null)).StatusCode);

        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var auto = $$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["web-interface"],"reason":"prior-year-web-interface"}""";
        Assert.True((await operatorClient.PostNdjsonAsync("/api/admin/registrations/2026/auto", auto)).IsSuccessStatusCode);

        var record = await sam.GetFromJsonAsync<JsonElement>($"/api/registrations/2026/practice/{world.Tin}");
        Assert.Equal("100+", record.GetProperty("size").GetString());
        Assert.Equal(("Prior Year Clinic", "Towson"), (record.GetProperty("organization").GetProperty("name").GetString(), record.GetProperty("organization").GetProperty("city").GetString()));
        Assert.Equal(contact, Assert.Single(record.GetProperty("contacts").EnumerateArray()).GetProperty("email").GetString());
        Assert.True(record.GetProperty("webInterface").GetProperty("auto").GetBoolean());
        await Eventually.HoldsAsync(
            async () => (await sam.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={contact}")).EnumerateArray()
                .Any(m => m.GetProperty("subject").GetString()!.Contains("2026", StringComparison.Ordinal) || m.GetProperty("body").GetString()!.Contains("The 2026", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(30), () => "R-9: the carried-over contact is told of the automatic registration");
    }
}
