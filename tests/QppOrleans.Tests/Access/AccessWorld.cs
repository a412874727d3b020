using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>A practice of its own in the directory, and people signed in through the portal, for one test.</summary>
internal sealed class AccessWorld(ApiFixture api)
{
    public string Tin { get; } = $"8{Random.Shared.Next(10_000_000, 99_999_999)}";

    public string Npi { get; } = NewNpi();

    public string Ptan { get; } = $"PT{Random.Shared.Next(1000, 9999)}";

    public string Name { get; } = $"Access Test Clinic {Guid.NewGuid():N}"[..30];

    public async Task ImportAsync(params string[] extraLines)
    {
        var practice = $$"""{"kind":"practice","tin":"{{Tin}}","name":"{{Name}}","city":"Richmond","state":"VA","clinicians":[{"npi":"{{Npi}}","ptan":"{{Ptan}}","firstName":"Ann","lastName":"Lee"}]}""";
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        using var response = await operatorClient.PostNdjsonAsync("/api/admin/directory", string.Join('\n', [practice, .. extraLines]));
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("rejected").GetInt32());
    }

    public async Task<(string UserId, HttpClient Http)> PersonAsync(string prefix)
    {
        var userId = Portal.NewUserId(prefix);
        return (userId, await new Portal(api.BaseAddress).SignedInAsync(userId));
    }

    public object FirstSecurityOfficialItem(string? ptan = null) =>
        new { orgId = Tin, role = "security-official", validation = new { tin = Tin, npi = Npi, ptan = ptan ?? Ptan } };

    public static async Task<JsonElement> RequestAsync(HttpClient http, string orgType, params object[] items)
    {
        var response = await http.PostAsJsonAsync("/api/access-requests", new { orgType, items });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
    }

    public async Task<(string UserId, HttpClient Http)> SecurityOfficialAsync()
    {
        var so = await PersonAsync("so");
        var result = await RequestAsync(so.Http, "practice", FirstSecurityOfficialItem());
        Assert.Equal("approved", result.GetProperty("status").GetString());
        return so;
    }

    public string Base => $"/api/organizations/practice/{Tin}";

    public static string NewNpi()
    {
        var firstNine = Random.Shared.Next(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture);
        return firstNine + Grains.Abstractions.Directory.Npi.CheckDigit(firstNine).ToString(CultureInfo.InvariantCulture);
    }
}
