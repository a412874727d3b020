using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>
/// Issue 9: malformed JSON, wrong types, huge strings, control characters, hostile route values and
/// wrong content types, sent by callers who are allowed to use each endpoint: never a 5xx, every
/// refusal a problem with a code, and nothing the callers can see changes. Generated from a fixed
/// seed, so a failure prints a request that reproduces.
/// </summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class HostileInputTests(ApiFixture api)
{
    private static readonly string[] Hostile =
    [
        "", "{", "}", "[]", "null", "true", "0", "-1", "1e400", "\"\"", "{\"a\":", "{}}", "{\"size\":\"25-99\"} trailing",
        "{\"size\":{\"$gt\":\"\"}}", new string('[', 5000) + new string(']', 5000), "\"" + new string('x', 60_000) + "\"",
        "{\"firstName\":\"\\u0000\\u0007\\u001b\"}", "{\"email\":\"\\ud800\"}", "\u0000\u0001\u0002", "<xml/>", "a=1&b=2",
    ];

    private static readonly string[] HostileSegments = ["..", "%2e%2e", "%00", "%20", new string('9', 600), "\u00e9\u00e8", "practice", "-1", "%ff%fe"];

    [Fact]
    public async Task Hostile_input_to_every_endpoint_never_gets_a_5xx_nor_changes_anything()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, so) = await world.SecurityOfficialAsync();
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        using var anonymous = api.Anonymous();
        var registration = $"/api/registrations/2026/practice/{world.Tin}";
        Assert.True((await so.PutAsJsonAsync($"{registration}/size", new { size = "25-99" })).IsSuccessStatusCode);
        var contact = (await (await so.PostAsJsonAsync($"{registration}/contacts", new { firstName = "Jane", lastName = "Doe", email = "jane@example.org", phone = "4105550123" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString();
        var org = $"/api/organizations/practice/{world.Tin}";

        // (caller, method, path) for every endpoint that reads a body, query or route values.
        (HttpClient Caller, string Method, string Path)[] endpoints =
        [
            (anonymous, "POST", "/api/accounts"),
            (anonymous, "POST", "/api/auth/sign-in"),
            (anonymous, "POST", "/api/auth/challenges/{x}/send"),
            (anonymous, "POST", "/api/auth/challenges/{x}/verify"),
            (so, "GET", "/api/me/notifications?page={x}"),
            (so, "POST", "/api/me/notifications/{x}/read"),
            (so, "GET", "/api/organizations/search?type=practice&q={x}"),
            (so, "GET", "/api/organizations/{x}/{x}"),
            (so, "POST", "/api/access-requests"),
            (so, "GET", "/api/me/permissions?orgType={x}&orgId={x}"),
            (so, "GET", org + "/access-requests?status={x}"),
            (so, "POST", org + "/access-requests/{x}/approve"),
            (so, "POST", org + "/access-requests/{x}/deny"),
            (so, "DELETE", org + "/users/{x}"),
            (so, "GET", "/api/registrations/{x}"),
            (so, "GET", "/api/registrations/2026/practice/{x}"),
            (so, "PUT", registration + "/size"),
            (so, "PUT", registration + "/organization"),
            (so, "POST", registration + "/contacts"),
            (so, "PUT", registration + "/contacts/" + contact),
            (so, "PUT", registration + "/contacts/{x}"),
            (so, "DELETE", registration + "/contacts/{x}"),
            (so, "POST", registration + "/programs/{x}"),
            (so, "DELETE", registration + "/programs/{x}?confirm={x}"),
            (operatorClient, "POST", "/api/admin/directory"),
            (operatorClient, "POST", "/api/admin/registrations/2026/auto"),
            (operatorClient, "POST", "/api/admin/registrations/2026/sampling"),
            (operatorClient, "POST", "/api/admin/service-center/requests/{x}/resolve"),
            (operatorClient, "PUT", "/api/admin/organizations/practice/{x}/users/{x}/role"),
        ];

        var before = await SettledFingerprintAsync(so, registration, org);
        var random = new Random(20261123);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (caller, method, template) in endpoints)
        {
            for (var i = 0; i < 12; i++)
            {
                var path = template.Replace("{x}", HostileSegments[random.Next(HostileSegments.Length)], StringComparison.Ordinal);
                var body = Hostile[random.Next(Hostile.Length)];
                var contentType = random.Next(4) switch { 0 => "text/plain", 1 => "application/x-www-form-urlencoded", 2 => "application/x-ndjson", _ => "application/json" };
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (method != "GET" && method != "DELETE")
                {
                    request.Content = new StringContent(body, Encoding.UTF8, contentType);
                }

                using var response = await caller.SendAsync(request);
                sent++;
                var text = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {path} [{contentType}] {Shorten(body)} → {status} {Shorten(text)}");
                }
                else if (status >= 400 && !RefusedByKestrel(status, text, path)
                    && !(response.Content.Headers.ContentType?.MediaType == "application/problem+json" && text.Contains("\"code\"", StringComparison.Ordinal)))
                {
                    failures.Add($"{method} {path} [{contentType}] {Shorten(body)} → {status} without a problem code: {Shorten(text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} hostile requests misbehaved:\n" + string.Join("\n", failures));
        Assert.Equal(before, await SettledFingerprintAsync(so, registration, org));
    }

    [Fact]
    public async Task Import_lines_that_are_not_UTF_8_are_rejected_lines_and_nothing_garbled_is_stored()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        using var user = api.SignedIn(Accounts.Portal.NewUserId());
        var garbled = $"7{Random.Shared.Next(10_000_000, 99_999_999)}";
        var fine = $"7{Random.Shared.Next(10_000_000, 99_999_999)}";

        // "Café" in Latin-1: the é is the single byte 0xE9, which UTF-8 cannot read.
        byte[] directory =
        [
            .. Encoding.UTF8.GetBytes($$"""{"kind":"practice","tin":"{{garbled}}","name":"Caf"""), 0xE9, .. " Clinic\"}\n"u8,
            .. Encoding.UTF8.GetBytes($$"""{"kind":"practice","tin":"{{fine}}","name":"Caf\u00e9 Clinic"}"""),
        ];
        var report = await ImportReportAsync(operatorClient, "/api/admin/directory", directory);
        Assert.Equal((1, 1), (report.GetProperty("created").GetInt32(), report.GetProperty("rejected").GetInt32()));
        AssertRejected(report, line: 1);
        Assert.Equal(HttpStatusCode.NotFound, (await user.GetAsync($"/api/organizations/practice/{garbled}")).StatusCode);
        var stored = await user.GetFromJsonAsync<JsonElement>($"/api/organizations/practice/{fine}");
        Assert.Equal("Caf\u00e9 Clinic", stored.GetProperty("name").GetString());

        byte[] auto = [.. Encoding.UTF8.GetBytes($$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["cahps"],"reason":"ssp-aco"""), 0xFF, .. "\"}"u8];
        AssertRejected(await ImportReportAsync(operatorClient, "/api/admin/registrations/2026/auto", auto), line: 1);

        byte[] sampling = [.. "{\"orgType\":\"practice\",\"orgId\":\""u8, 0xC0, 0xAF, .. "\",\"webInterfaceAssignedPatients\":0,\"cahpsSampleMet\":false}"u8];
        AssertRejected(await ImportReportAsync(operatorClient, "/api/admin/registrations/2026/sampling", sampling), line: 1);

        static async Task<JsonElement> ImportReportAsync(HttpClient http, string path, byte[] body)
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/x-ndjson");
            using var response = await http.PostAsync(path, content);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }

        static void AssertRejected(JsonElement report, int line)
        {
            var rejection = Assert.Single(report.GetProperty("rejections").EnumerateArray());
            Assert.Equal(line, rejection.GetProperty("line").GetInt32());
            Assert.StartsWith("The line is not valid UTF-8", rejection.GetProperty("reason").GetString(), StringComparison.Ordinal);
        }
    }

    /// <summary>The fingerprint once the audit trail and projections (fed by events) have caught up: two readings alike.</summary>
    private static async Task<string> SettledFingerprintAsync(HttpClient so, string registration, string org)
    {
        var previous = await FingerprintAsync(so, registration, org);
        for (var attempt = 0; attempt < 40; attempt++)
        {
            await Task.Delay(500);
            var current = await FingerprintAsync(so, registration, org);
            if (current == previous)
            {
                return current;
            }

            previous = current;
        }

        return previous;
    }

    /// <summary>What the Security Official can see of their organization and registration.</summary>
    private static async Task<string> FingerprintAsync(HttpClient so, string registration, string org)
    {
        var parts = new List<string>();
        foreach (var path in new[] { registration, registration + "/history", org + "/users", org + "/access-requests?status=pending", org + "/audit", "/api/me/organizations" })
        {
            using var response = await so.GetAsync(path);
            parts.Add($"{path} {(int)response.StatusCode} {response.Headers.ETag} {await response.Content.ReadAsStringAsync()}");
        }

        return string.Join("\n", parts);
    }

    /// <summary>Kestrel refuses a NUL in the request target before any middleware runs: a bare 400, no body.</summary>
    private static bool RefusedByKestrel(int status, string text, string path) =>
        status == 400 && text.Length == 0 && path.Contains("%00", StringComparison.Ordinal);

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}
