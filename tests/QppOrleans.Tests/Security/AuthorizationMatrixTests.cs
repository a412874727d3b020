using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>
/// Issue 9: every endpoint of API.md, called by each of six personas, answers the status the contract
/// gives that persona — 401 without a token, 403 when signed in but not allowed, 404 where even the
/// existence of someone else's organization or registration must not leak (A-20, A-27, R-1).
/// Rows run in order; within a row the allowed persona that changes something comes last.
/// </summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class AuthorizationMatrixTests(ApiFixture api)
{
    private enum Persona { Anonymous, Unrelated, StaffUser, SecurityOfficial, OtherSecurityOfficial, Operator }

    private static readonly Persona[] Order =
        [Persona.Anonymous, Persona.Unrelated, Persona.StaffUser, Persona.OtherSecurityOfficial, Persona.Operator, Persona.SecurityOfficial];

    /// <summary>One endpoint: how to call it, and the status for anonymous, unrelated, staff, SO, other SO, operator.</summary>
    private sealed record Row(string Method, string Path, Func<HttpContent?> Body, int[] Expected);

    [Fact]
    public async Task Every_endpoint_answers_each_persona_as_the_contract_says()
    {
        var a = new AccessWorld(api);
        var b = new AccessWorld(api);
        var unclaimed = new AccessWorld(api);
        await a.ImportAsync();
        await b.ImportAsync();
        await unclaimed.ImportAsync();

        var soA = Person("so-a");
        var soB = Person("so-b");
        Assert.Equal("approved", (await AccessWorld.RequestAsync(soA.Http, "practice", a.FirstSecurityOfficialItem())).GetProperty("status").GetString());
        Assert.Equal("approved", (await AccessWorld.RequestAsync(soB.Http, "practice", b.FirstSecurityOfficialItem())).GetProperty("status").GetString());
        var staff = await StaffAsync(a, soA.Http, approve: true);
        var removable = await StaffAsync(a, soA.Http, approve: true);
        var roleTarget = await StaffAsync(a, soA.Http, approve: true);
        var toApprove = await StaffAsync(a, soA.Http, approve: false);
        var toDeny = await StaffAsync(a, soA.Http, approve: false);

        var registration = $"/api/registrations/2026/practice/{a.Tin}";
        await Succeeds(soA.Http.PutAsJsonAsync($"{registration}/size", new { size = "25-99" }));
        await Succeeds(soA.Http.PutAsJsonAsync($"{registration}/organization", Organization()));
        var contact = await ContactAsync(soA.Http, registration);
        var extraContact = await ContactAsync(soA.Http, registration);
        await Succeeds(soA.Http.PostAsync($"{registration}/programs/web-interface", null));

        var clients = new Dictionary<Persona, HttpClient>
        {
            [Persona.Anonymous] = api.Anonymous(),
            [Persona.Unrelated] = Person("stranger").Http,
            [Persona.StaffUser] = staff.Http,
            [Persona.SecurityOfficial] = soA.Http,
            [Persona.OtherSecurityOfficial] = soB.Http,
            [Persona.Operator] = api.SignedIn(ApiFixture.Operator),
        };

        var org = $"/api/organizations/practice/{a.Tin}";
        var admin = $"/api/admin/organizations/practice/{a.Tin}/users/{roleTarget.UserId}/role";
        //                                                                  anon  unrel staff  SO   oth-SO oper
        IEnumerable<Row> rows =
        [
            new("GET", "/health/live", None, [200, 200, 200, 200, 200, 200]),
            new("GET", "/health/ready", None, [200, 200, 200, 200, 200, 200]),
            new("GET", "/openapi/v1.json", None, [200, 200, 200, 200, 200, 200]),
            new("POST", "/api/accounts", NewAccount, [201, 201, 201, 201, 201, 201]),
            new("POST", "/api/auth/sign-in", () => Json(new { userId = $"nobody-{Guid.NewGuid():N}"[..20], password = "Wrong-Password-1", statementOfTruth = true }), [401, 401, 401, 401, 401, 401]),
            new("POST", "/api/auth/challenges/bm9ib2R5.c2VjcmV0/send", () => Json(new { deviceId = "email" }), [404, 404, 404, 404, 404, 404]),
            new("POST", "/api/auth/challenges/bm9ib2R5.c2VjcmV0/verify", () => Json(new { code = "123456" }), [400, 400, 400, 400, 400, 400]),
            new("GET", "/api/me", None, [401, 200, 200, 200, 200, 200]),
            new("GET", "/api/me/audit", None, [401, 200, 200, 200, 200, 200]),
            new("GET", "/api/me/devices", None, [401, 200, 200, 200, 200, 200]),
            new("POST", "/api/me/challenges", None, [401, 200, 200, 200, 200, 200]),
            new("PUT", "/api/me/password", () => Json(new { currentPassword = "Wrong-Password-99", newPassword = "Brand-New-Horse-77", challengeId = "bm9ib2R5.c2VjcmV0", code = "123456" }), [401, 400, 400, 400, 400, 400]),
            new("POST", "/api/me/devices", () => Json(new { kind = "email", address = "new@example.org", challengeId = "bm9ib2R5.c2VjcmV0", code = "123456" }), [401, 400, 400, 400, 400, 400]),
            new("POST", "/api/me/devices/d-nothing/confirm", () => Json(new { code = "123456" }), [401, 404, 404, 404, 404, 404]),
            new("DELETE", "/api/me/devices/email", () => Json(new { challengeId = "bm9ib2R5.c2VjcmV0", code = "123456" }), [401, 400, 400, 400, 400, 400]),
            new("POST", "/api/auth/password-reset", () => Json(new { userId = "nobody-here" }), [202, 202, 202, 202, 202, 202]),
            new("POST", "/api/auth/password-reset/bm9ib2R5.c2VjcmV0/complete", () => Json(new { code = "123456", newPassword = "Brand-New-Horse-77" }), [400, 400, 400, 400, 400, 400]),
            new("GET", "/api/me/notifications", None, [401, 200, 200, 200, 200, 200]),
            new("POST", $"/api/me/notifications/{Guid.NewGuid()}/read", None, [401, 404, 404, 404, 404, 404]),
            new("GET", "/api/dev/messages?to=someone%40example.org", None, [200, 200, 200, 200, 200, 200]),
            new("GET", "/api/apm-models", None, [401, 200, 200, 200, 200, 200]),
            new("GET", $"/api/organizations/search?type=practice&q={a.Tin}", None, [401, 200, 200, 200, 200, 200]),
            new("GET", org, None, [401, 200, 200, 200, 200, 200]),
            new("POST", "/api/access-requests", () => Json(new { orgType = "practice", items = new[] { new { orgId = unclaimed.Tin, role = "staff-user" } } }), [401, 200, 200, 200, 200, 200]),
            new("GET", "/api/me/access-requests", None, [401, 200, 200, 200, 200, 200]),
            new("GET", "/api/me/organizations", None, [401, 200, 200, 200, 200, 200]),
            new("GET", $"/api/me/permissions?orgType=practice&orgId={a.Tin}", None, [401, 404, 200, 200, 404, 404]),
            new("GET", $"{org}/access-requests?status=pending", None, [401, 404, 403, 200, 404, 404]),
            new("POST", $"{org}/access-requests/{toApprove.RequestId}/approve", None, [401, 404, 403, 204, 404, 404]),
            new("POST", $"{org}/access-requests/{toDeny.RequestId}/deny", () => Json(new { reason = "not ours" }), [401, 404, 403, 204, 404, 404]),
            new("GET", $"{org}/users", None, [401, 404, 403, 200, 404, 404]),
            new("GET", $"{org}/audit", None, [401, 404, 403, 200, 404, 404]),
            new("DELETE", $"{org}/users/{removable.UserId}", None, [401, 404, 403, 204, 404, 404]),
            new("GET", "/api/registrations/2026", None, [401, 200, 200, 200, 200, 200]),
            new("GET", registration, None, [401, 404, 200, 200, 404, 404]),
            new("GET", $"{registration}/history", None, [401, 404, 200, 200, 404, 404]),
            new("PUT", $"{registration}/size", () => Json(new { size = "25-99" }), [401, 404, 403, 200, 404, 404]),
            new("PUT", $"{registration}/organization", () => Json(Organization()), [401, 404, 403, 200, 404, 404]),
            new("POST", $"{registration}/contacts", () => Json(Contact()), [401, 404, 403, 201, 404, 404]),
            new("PUT", $"{registration}/contacts/{contact}", () => Json(Contact()), [401, 404, 403, 200, 404, 404]),
            new("DELETE", $"{registration}/contacts/{extraContact}", None, [401, 404, 403, 204, 404, 404]),
            new("POST", $"{registration}/programs/cahps", None, [401, 404, 403, 200, 404, 404]),
            new("DELETE", $"{registration}/programs/cahps?confirm=true", None, [401, 404, 403, 200, 404, 404]),
            new("POST", "/api/admin/directory", () => Ndjson($$"""{"kind":"practice","tin":"{{unclaimed.Tin}}","name":"{{unclaimed.Name}}","city":"Richmond","state":"VA","clinicians":[{"npi":"{{unclaimed.Npi}}","ptan":"{{unclaimed.Ptan}}","firstName":"Ann","lastName":"Lee"}]}"""), [401, 403, 403, 403, 403, 200]),
            new("POST", "/api/admin/registrations/2026/auto", () => Ndjson($$"""{"orgType":"practice","orgId":"{{b.Tin}}","programs":["web-interface"],"reason":"prior-year-web-interface"}"""), [401, 403, 403, 403, 403, 200]),
            new("POST", "/api/admin/registrations/2026/sampling", () => Ndjson($$"""{"orgType":"practice","orgId":"{{b.Tin}}","webInterfaceAssignedPatients":0,"cahpsSampleMet":false}"""), [401, 403, 403, 403, 403, 200]),
            new("GET", "/api/admin/service-center/requests", None, [401, 403, 403, 403, 403, 200]),
            // The Orleans Dashboard, operators only (/dashboard redirects here; a redirect drops the token).
            new("GET", "/dashboard/", None, [401, 403, 403, 403, 403, 200]),
            new("GET", "/api/admin/service-center/requests?status=resolved", None, [401, 403, 403, 403, 403, 200]),
            new("POST", $"/api/admin/service-center/requests/{Guid.NewGuid():N}/resolve", () => Json(new { outcome = "deny", note = "n/a" }), [401, 403, 403, 403, 403, 404]),
            new("PUT", admin, () => Json(new { role = "security-official" }), [401, 403, 403, 403, 403, 204]),
            new("DELETE", admin, None, [401, 403, 403, 403, 403, 204]),
            new("DELETE", $"/api/admin/organizations/practice/{a.Tin}/users/nobody-{Guid.NewGuid():N}"[..60], None, [401, 403, 403, 403, 403, 404]),
            new("GET", $"/api/admin/organizations/practice/{a.Tin}/users", None, [401, 403, 403, 403, 403, 200]),
            new("POST", "/api/admin/roles", () => Ndjson("{}"), [401, 403, 403, 403, 403, 200]),
        ];

        // Signing out ends the token, so each persona signs out with a token of its own, last.
        var signOuts = new[] { "/api/auth/sign-out", "/api/auth/sign-out-everywhere" };
        rows = [.. rows, .. signOuts.Select(path => new Row("POST", path, None, [401, 204, 204, 204, 204, 204]))];
        var mismatches = new List<string>();
        var undocumented = new List<string>();
        using var anonymous = api.Anonymous();
        var document = await OpenApiDocument.ReadAsync(anonymous);
        foreach (var row in rows)
        {
            var operation = document.Find(row.Method, row.Path);
            foreach (var persona in Order)
            {
#pragma warning disable CA2000 // The request disposes its content with itself.
                using var request = new HttpRequestMessage(new HttpMethod(row.Method), row.Path) { Content = row.Body() };
#pragma warning restore CA2000
                using var response = await (signOuts.Contains(row.Path) ? Fresh(persona) : clients[persona]).SendAsync(request);
                var status = (int)response.StatusCode;
                if (status != row.Expected[(int)persona])
                {
                    mismatches.Add($"{row.Method} {row.Path} as {persona}: expected {row.Expected[(int)persona]}, got {status} {await response.Content.ReadAsStringAsync()}");
                }

                // What an endpoint really answers is what its OpenAPI operation lists (the gateway and portal read it).
                if (operation is { } found && !row.Path.StartsWith("/health", StringComparison.Ordinal) && !document.Statuses(found.Method, found.Template).Contains(status))
                {
                    undocumented.Add($"{found.Method} {found.Template} answers {status} (as {persona}) but lists {string.Join(", ", document.Statuses(found.Method, found.Template).Order())}");
                }
            }
        }

        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {rows.Count() * Order.Length} cells differ:\n" + string.Join("\n", mismatches));
        Assert.True(undocumented.Count == 0, "Statuses missing from /openapi/v1.json:\n" + string.Join("\n", undocumented.Distinct()));
        var untried = document.Operations.Where(o => !o.Template.StartsWith("/api/dev/probes", StringComparison.Ordinal) && !rows.Any(r => document.Find(r.Method, r.Path) == o)).ToList();
        Assert.True(untried.Count == 0, "Operations the matrix does not call: " + string.Join(", ", untried));

        HttpClient Fresh(Persona persona) => persona switch
        {
            Persona.Anonymous => api.Anonymous(),
            Persona.Unrelated => Person("stranger").Http,
            Persona.StaffUser => api.SignedIn(staff.UserId),
            Persona.SecurityOfficial => api.SignedIn(soA.UserId),
            Persona.OtherSecurityOfficial => api.SignedIn(soB.UserId),
            _ => api.SignedIn(ApiFixture.Operator),
        };
    }

    private static HttpContent? None() => null;

    private static JsonContent Json(object body) => JsonContent.Create(body);

    private static StringContent Ndjson(string lines) => new StringContent(lines, Encoding.UTF8, "application/x-ndjson");

    private static JsonContent NewAccount() => Json(new
    {
        userId = $"matrix-{Guid.NewGuid():N}"[..20], password = "Correct-Horse-42", firstName = "Mat", lastName = "Rix", email = "mat@example.org",
    });

    private static object Organization() => new { name = "Matrix Clinic", address1 = "1 Main St", city = "Richmond", state = "VA", zip = "23219" };

    private static object Contact() => new { firstName = "Jane", lastName = "Doe", email = "jane@example.org", phone = "4105550123" };

    private (string UserId, HttpClient Http) Person(string prefix)
    {
        var userId = $"{prefix}-{Guid.NewGuid():N}"[..20];
        return (userId, api.SignedIn(userId));
    }

    private async Task<(string UserId, HttpClient Http, string RequestId)> StaffAsync(AccessWorld world, HttpClient securityOfficial, bool approve)
    {
        var (userId, http) = Person("staff");
        var result = await AccessWorld.RequestAsync(http, "practice", new { orgId = world.Tin, role = "staff-user" });
        var requestId = result.GetProperty("requestId").GetString()!;
        if (approve)
        {
            await Succeeds(securityOfficial.PostAsync($"/api/organizations/practice/{world.Tin}/access-requests/{requestId}/approve", null));
        }

        return (userId, http, requestId);
    }

    private static async Task Succeeds(Task<HttpResponseMessage> sending)
    {
        using var response = await sending;
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private static async Task<string> ContactAsync(HttpClient http, string registration)
    {
        var response = await http.PostAsJsonAsync($"{registration}/contacts", Contact());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString()!;
    }
}
