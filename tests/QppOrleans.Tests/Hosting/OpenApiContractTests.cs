using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Hosting;

/// <summary>
/// The OpenAPI document lists the refusals API.md gives each operation — the ones the persona
/// matrix cannot reach: conflicts (409), stale If-Match (412), reused Idempotency-Keys (422), locks
/// (423), limits (429) and oversized imports (413). Each is answered by a test of its own area
/// (RegistrationApiTests, IdempotencyTests, ThrottleTests, AccountRulesTests, …); what every
/// operation answers to each persona is checked against the document in <see cref="Security.AuthorizationMatrixTests"/>.
/// </summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class OpenApiContractTests(ApiFixture api)
{
    private const string Registration = "/api/registrations/{py}/{orgType}/{orgId}";
    private const string Organization = "/api/organizations/{orgType}/{orgId}";

    public static TheoryData<string, string, int[]> Refusals => new()
    {
        { "POST", "/api/accounts", [201, 400, 409, 429] },
        { "POST", "/api/auth/sign-in", [200, 400, 401, 423, 429] },
        { "POST", "/api/auth/challenges/{challengeId}/send", [202, 400, 404, 429] },
        { "POST", "/api/auth/challenges/{challengeId}/verify", [200, 400, 429] },
        { "POST", "/api/me/challenges", [200, 401, 404, 423] },
        { "PUT", "/api/me/password", [204, 400, 401, 409, 423] },
        { "POST", "/api/auth/password-reset", [202, 400, 429] },
        { "POST", "/api/auth/password-reset/{challengeId}/complete", [204, 400, 404, 409, 429] },
        { "POST", "/api/me/devices", [202, 400, 401, 409] },
        { "DELETE", "/api/me/devices/{deviceId}", [204, 400, 401, 404, 409] },
        { "POST", "/api/access-requests", [200, 400, 401, 404, 409, 422, 429] },
        { "POST", Organization + "/access-requests/{requestId}/approve", [204, 401, 403, 404, 409] },
        { "POST", Organization + "/access-requests/{requestId}/deny", [204, 400, 401, 403, 404, 409] },
        { "DELETE", Organization + "/users/{userId}", [204, 401, 403, 404, 409] },
        { "GET", Registration, [200, 401, 403, 404] },
        { "PUT", Registration + "/size", [200, 400, 401, 403, 404, 409, 412, 429] },
        { "PUT", Registration + "/organization", [200, 400, 401, 403, 404, 409, 412, 429] },
        { "POST", Registration + "/contacts", [201, 400, 401, 403, 404, 409, 412, 422, 429] },
        { "PUT", Registration + "/contacts/{contactId}", [200, 400, 401, 403, 404, 409, 412, 429] },
        { "DELETE", Registration + "/contacts/{contactId}", [204, 401, 403, 404, 409, 412, 429] },
        { "POST", Registration + "/programs/{program}", [200, 400, 401, 403, 404, 409, 412, 422, 429] },
        { "DELETE", Registration + "/programs/{program}", [200, 401, 403, 404, 409, 412, 429] },
        { "GET", Registration + "/history", [200, 400, 401, 403, 404] },
        { "POST", "/api/admin/directory", [200, 401, 403, 413] },
        { "POST", "/api/admin/roles", [200, 401, 403, 413] },
        { "POST", "/api/admin/registrations/{py}/auto", [200, 401, 403, 404, 413] },
        { "POST", "/api/admin/service-center/requests/{id}/resolve", [204, 400, 401, 403, 404, 409] },
        { "PUT", "/api/admin/organizations/{orgType}/{orgId}/users/{userId}/role", [204, 400, 401, 403, 404, 409] },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Each_operation_lists_the_statuses_the_contract_gives_it(string method, string template, int[] statuses)
    {
        using var anonymous = api.Anonymous();
        var document = await OpenApiDocument.ReadAsync(anonymous);

        var listed = document.Statuses(method, template);

        Assert.True(statuses.All(listed.Contains), $"{method} {template} lists {string.Join(", ", listed.Order())}; the contract gives {string.Join(", ", statuses)}");
    }

    [Fact]
    public async Task Every_operation_names_its_success_status()
    {
        using var anonymous = api.Anonymous();
        var document = await OpenApiDocument.ReadAsync(anonymous);

        var silent = document.Operations.Where(o => !document.Statuses(o.Method, o.Template).Any(s => s is >= 200 and < 300)).ToList();

        Assert.True(silent.Count == 0, "Operations without a success status: " + string.Join(", ", silent));
    }
}
