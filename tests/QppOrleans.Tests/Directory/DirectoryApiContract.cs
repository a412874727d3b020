using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Directory;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Directory;

/// <summary>A-10 … A-15 over HTTP: import, search, exact lookups; run on the embedded default and on PostgreSQL.</summary>
public abstract class DirectoryApiContract(ApiFixture api)
{
    private const string BetterBusinessHealth =
        """{"kind":"practice","tin":"000765630","name":"Better Business Health","address1":"123 Better Health Way","city":"Baltimore","state":"MD","zip":"21239","clinicians":[{"npi":"1234567893","ptan":"AB1234","firstName":"Ann","lastName":"Lee"}]}""";

    private readonly HttpClient operatorClient = api.SignedIn(ApiFixture.Operator);
    private readonly HttpClient user = api.SignedIn(Portal.NewUserId());

    [Fact]
    public async Task A11_An_import_counts_created_updated_unchanged_and_rejected_lines_and_the_same_file_changes_nothing()
    {
        var tag = Tag();
        var file = string.Join('\n',
            Practice(tag, 1, "Zephyr Alpha Clinic"),
            "{not json",
            Practice(tag, 2, "Zephyr Beta Clinic").Replace("\"tin\":\"", "\"tin\":\"12", StringComparison.Ordinal),
            Practice(tag, 3, "Zephyr Gamma Clinic").Replace("1234567893", "1234567890", StringComparison.Ordinal),
            """{"kind":"hospital","name":"x"}""",
            "",
            Practice(tag, 4, "Zephyr Delta Clinic"));

        var first = await ImportAsync(file);
        Assert.Equal((2, 0, 0, 4), Counts(first));
        var rejections = first.GetProperty("rejections").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("reason").GetString()!)).ToList();
        Assert.Equal([2, 3, 4, 5], rejections.Select(r => r.Item1));
        Assert.StartsWith("Not valid JSON", rejections[0].Item2, StringComparison.Ordinal);
        Assert.StartsWith("tin: A TIN is exactly 9 digits", rejections[1].Item2, StringComparison.Ordinal);
        Assert.StartsWith("clinicians[0].npi: The NPI's check digit is wrong", rejections[2].Item2, StringComparison.Ordinal);
        Assert.StartsWith("Unknown kind 'hospital'", rejections[3].Item2, StringComparison.Ordinal);

        Assert.Equal((0, 0, 2, 4), Counts(await ImportAsync(file)));
        Assert.Equal((0, 1, 1, 0), Counts(await ImportAsync(Practice(tag, 1, "Zephyr Alpha Clinic") + "\n" + Practice(tag, 4, "Zephyr Omega Clinic"))));
    }

    [Fact]
    public async Task A13_Practices_are_found_by_name_as_you_type_or_by_complete_TIN_never_by_a_partial_one()
    {
        await ImportAsync(BetterBusinessHealth);

        foreach (var query in new[] { "better bus", "BETTER", "bus health", "  Better  Business  Health " })
        {
            Assert.Contains(await SearchAsync("practice", query), o => o.OrgId == "000765630");
        }

        Assert.Equal(["000765630"], (await SearchAsync("practice", "000765630")).Select(o => o.OrgId));
        Assert.Empty(await SearchAsync("practice", "00076563"));
        Assert.Empty(await SearchAsync("practice", "0765630"));
        var found = (await SearchAsync("practice", "better business")).First(o => o.OrgId == "000765630");
        Assert.Equal(("Better Business Health", "Baltimore", "MD"), (found.Name, found.City, found.State));
    }

    [Fact]
    public async Task A13_At_most_twenty_results_by_name_then_id_the_same_every_time()
    {
        var tag = Tag();
        await ImportAsync(string.Join('\n', Enumerable.Range(1, 30).Select(i => Practice(tag, i, $"Quasar{tag} Clinic {30 - i:D2}"))));

        var first = await SearchAsync("practice", $"quasar{tag}");
        var again = await SearchAsync("practice", $"QUASAR{tag} clin");

        Assert.Equal(20, first.Count);
        Assert.Equal(first.Select(o => o.OrgId), again.Select(o => o.OrgId));
        Assert.Equal(first.Select(o => o.Name).Order(StringComparer.Ordinal), first.Select(o => o.Name));
        Assert.Equal($"Quasar{tag} Clinic 00", first[0].Name);
    }

    [Fact]
    public async Task A11_A_renamed_practice_is_found_by_its_new_name_only()
    {
        var tag = Tag();
        await ImportAsync(Practice(tag, 1, $"Nebula{tag} Family Care"));
        await ImportAsync(Practice(tag, 1, $"Pulsar{tag} Family Care"));

        Assert.Empty(await SearchAsync("practice", $"nebula{tag}"));
        Assert.Single(await SearchAsync("practice", $"pulsar{tag}"));
    }

    [Fact]
    public async Task A13_Registries_by_name_TIN_or_Vendor_ID_virtual_groups_by_complete_ID_only()
    {
        var tag = Tag();
        var tin = TinOf(tag, 7);
        await ImportAsync(string.Join('\n',
            $$"""{"kind":"registry","vendorId":"R{{tag}}","tin":"{{tin}}","name":"Comet{{tag}} Quality Registry","city":"Austin","state":"TX"}""",
            $$"""{"kind":"virtual-group","vgId":"VG-{{tag}}","name":"Orbit{{tag}} Virtual Group","tins":["{{TinOf(tag, 8)}}","{{TinOf(tag, 9)}}"]}"""));

        Assert.Single(await SearchAsync("registry", $"comet{tag} qual"));
        Assert.Single(await SearchAsync("registry", tin));
        Assert.Single(await SearchAsync("registry", $"r{tag}"));
        Assert.Empty(await SearchAsync("registry", tin[..8]));
        Assert.Equal([$"VG-{tag}".ToUpperInvariant()], (await SearchAsync("virtual-group", $"vg-{tag}")).Select(o => o.OrgId));
        Assert.Empty(await SearchAsync("virtual-group", $"VG-{tag}"[..^1]));
        Assert.Empty(await SearchAsync("virtual-group", $"orbit{tag}"));
    }

    [Fact]
    public async Task A13_A14_APM_entities_are_searched_within_the_chosen_model()
    {
        var tag = Tag();
        await ImportAsync(string.Join('\n',
            $$"""{"kind":"apm-entity","apmModel":"pcf","entityId":"PCF{{tag}}","name":"Aurora{{tag}} Primary Care","participants":[{"tin":"{{TinOf(tag, 1)}}","npi":"1234567893"}]}""",
            $$"""{"kind":"apm-entity","apmModel":"aco-reach","entityId":"D{{tag}}","name":"Aurora{{tag}} ACO","participants":[{"tin":"{{TinOf(tag, 2)}}"},{"tin":"{{TinOf(tag, 3)}}"}]}""",
            $$"""{"kind":"apm-entity","apmModel":"nope","entityId":"X{{tag}}","name":"Nope","participants":[{"tin":"{{TinOf(tag, 4)}}"}]}"""));

        Assert.Equal([$"PCF{tag}".ToUpperInvariant()], (await SearchAsync("apm-entity", $"aurora{tag}", "pcf")).Select(o => o.OrgId));
        Assert.Equal([$"D{tag}".ToUpperInvariant()], (await SearchAsync("apm-entity", $"aurora{tag}", "aco-reach")).Select(o => o.OrgId));
        Assert.Single(await SearchAsync("apm-entity", $"pcf{tag}", "pcf"));
        Assert.Empty(await SearchAsync("apm-entity", $"pcf{tag}", "aco-reach"));
        var problem = await Portal.ProblemAsync(await user.GetAsync($"/api/organizations/search?type=apm-entity&q=aurora{tag}"), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("apm", out _));
    }

    [Fact]
    public async Task A10_An_organization_is_looked_up_by_type_and_id_without_what_validation_asks_for()
    {
        await ImportAsync(BetterBusinessHealth);

        var detail = await user.GetFromJsonAsync<JsonElement>("/api/organizations/practice/000765630");

        Assert.Equal("Better Business Health", detail.GetProperty("name").GetString());
        Assert.Equal("123 Better Health Way", detail.GetProperty("address1").GetString());
        Assert.Equal("21239", detail.GetProperty("zip").GetString());
        Assert.DoesNotContain("1234567893", detail.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("AB1234", detail.ToString(), StringComparison.Ordinal);
        await Portal.ProblemAsync(await user.GetAsync("/api/organizations/practice/999999999"), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await user.GetAsync("/api/organizations/practice/12345"), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await user.GetAsync("/api/organizations/hospital/000765630"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task A14_A15_The_APM_model_list_says_what_each_model_validates_and_marks_nothing_else()
    {
        var models = await user.GetFromJsonAsync<JsonElement>("/api/apm-models");

        var byId = models.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("validation").GetString());
        Assert.Equal(["aco-reach", "bpci-advanced", "cjr", "eom", "kcc", "md-tcoc", "pcf", "vit", "vt-aco", "mcp", "guide", "ssp"], byId.Keys);
        Assert.All(["aco-reach", "bpci-advanced", "md-tcoc", "vt-aco"], id => Assert.Equal("two-tins", byId[id]));
        Assert.All(["cjr", "eom", "kcc", "pcf", "vit", "mcp", "guide"], id => Assert.Equal("tin-npi", byId[id]));

        // What the seed's table calls each model's entity id, for the portal's label.
        var names = models.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetString()!, m => m.GetProperty("entityIdName").GetString());
        Assert.Equal(("ACO ID", "PCF Practice ID", "EOM ID", "GUIDE Participant ID"), (names["aco-reach"], names["pcf"], names["eom"], names["guide"]));
    }

    [Fact]
    public async Task A14_An_APM_entity_of_a_two_TIN_model_says_whether_its_first_Security_Official_gives_one_TIN_or_two()
    {
        var (single, multi, pair) = ($"S{Tag()}", $"M{Tag()}", $"P{Tag()}");
        var lines = string.Join('\n',
            $$"""{"kind":"apm-entity","apmModel":"aco-reach","entityId":"{{single}}","name":"Single TIN ACO","participants":[{"tin":"811111111","npi":"1234567893"}]}""",
            $$"""{"kind":"apm-entity","apmModel":"aco-reach","entityId":"{{multi}}","name":"Multi TIN ACO","participants":[{"tin":"811111111","npi":"1234567893"},{"tin":"822222222","npi":"1234567893"}]}""",
            $$"""{"kind":"apm-entity","apmModel":"pcf","entityId":"{{pair}}","name":"PCF Practice","participants":[{"tin":"811111111","npi":"1234567893"}]}""");
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        Assert.True((await operatorClient.PostNdjsonAsync("/api/admin/directory", lines)).IsSuccessStatusCode);

        int? Tins(JsonElement detail) => detail.GetProperty("validationTins").ValueKind == JsonValueKind.Null ? null : detail.GetProperty("validationTins").GetInt32();
        Assert.Equal(1, Tins(await user.GetFromJsonAsync<JsonElement>($"/api/organizations/apm-entity/{single}")));
        Assert.Equal(2, Tins(await user.GetFromJsonAsync<JsonElement>($"/api/organizations/apm-entity/{multi}")));
        Assert.Null(Tins(await user.GetFromJsonAsync<JsonElement>($"/api/organizations/apm-entity/{pair}")));
    }

    [Theory]
    [InlineData("/api/organizations/search?type=hospital&q=x", "type")]
    [InlineData("/api/organizations/search?type=practice", "q")]
    [InlineData("/api/organizations/search?type=apm-entity&q=x&apm=nope", "apm")]
    public async Task Bad_search_input_is_a_400_naming_the_field(string url, string field)
    {
        var problem = await Portal.ProblemAsync(await user.GetAsync(url), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Only_operators_import_and_only_signed_in_people_search()
    {
        await Portal.ProblemAsync(await user.PostNdjsonAsync("/api/admin/directory", BetterBusinessHealth), HttpStatusCode.Forbidden, "forbidden");
        using var anonymous = api.Anonymous();
        await Portal.ProblemAsync(await anonymous.PostNdjsonAsync("/api/admin/directory", BetterBusinessHealth), HttpStatusCode.Unauthorized, "unauthorized");
        await Portal.ProblemAsync(await anonymous.GetAsync("/api/organizations/search?type=practice&q=better"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    private static string Tag() => Random.Shared.Next(100_000, 999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string TinOf(string tag, int n) => $"9{tag}{n:D2}";

    private static string Practice(string tag, int n, string name) =>
        $$"""{"kind":"practice","tin":"{{TinOf(tag, n)}}","name":"{{name}}","address1":"1 Main St","city":"Richmond","state":"VA","zip":"23220","clinicians":[{"npi":"1234567893","ptan":"ZZ{{n:D4}}","firstName":"Ann","lastName":"Lee"}]}""";


    private async Task<JsonElement> ImportAsync(string ndjson)
    {
        var response = await operatorClient.PostNdjsonAsync("/api/admin/directory", ndjson);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static (long, long, long, long) Counts(JsonElement report) => (
        report.GetProperty("created").GetInt64(), report.GetProperty("updated").GetInt64(),
        report.GetProperty("unchanged").GetInt64(), report.GetProperty("rejected").GetInt64());

    private async Task<List<Found>> SearchAsync(string type, string q, string? apm = null) =>
        (await user.GetFromJsonAsync<List<Found>>($"/api/organizations/search?type={type}&q={Uri.EscapeDataString(q)}{(apm is null ? "" : "&apm=" + apm)}"))!;

    private sealed record Found(string OrgType, string OrgId, string Name, string? City, string? State);
}

[Collection(EmbeddedApiCollection.Name)]
public sealed class EmbeddedDirectoryApiTests(ApiFixture api) : DirectoryApiContract(api);

[Collection(PostgresApiCollection.Name)]
public sealed class PostgresDirectoryApiTests(PostgresApiFixture api) : DirectoryApiContract(api);
