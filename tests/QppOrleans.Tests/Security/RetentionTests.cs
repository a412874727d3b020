using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>An API of its own, since these tests move the rules' clock by days.</summary>
public sealed class RetentionFixture : ApiFixture;

/// <summary>State that would grow forever is kept for a while, then let go (the audit trail keeps every decision).</summary>
public sealed class RetentionTests(RetentionFixture api) : IClassFixture<RetentionFixture>
{
    [Fact]
    public async Task An_Idempotency_Key_is_remembered_for_24_hours_and_is_a_new_request_after()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, person) = await world.PersonAsync("idem");
        var key = Guid.NewGuid().ToString("N");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(person, key, world.Tin)).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SendAsync(person, key, "812345679")).StatusCode);

        api.Clock.Advance(TimeSpan.FromHours(24));
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(person, key, "812345679")).StatusCode);
    }

    [Fact]
    public async Task A30_Decided_requests_leave_the_list_after_30_days_and_stay_in_the_audit_trail()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, ann) = await world.PersonAsync("ann");
        var requestId = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsJsonAsync($"{world.Base}/access-requests/{requestId}/deny", new { reason = "Not our staff" })).StatusCode);
        Assert.Equal(1, (await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=denied")).GetArrayLength());

        api.Clock.Advance(TimeSpan.FromDays(30));
        var (_, bob) = await world.PersonAsync("bob");
        await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "staff-user" });

        Assert.Equal(0, (await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=denied")).GetArrayLength());
        await Eventually.HoldsAsync(
            async () => (await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/audit")).EnumerateArray().Any(e => e.GetProperty("action").GetString() == "access-denied"),
            TimeSpan.FromSeconds(20), () => "the denial to stay in the audit trail");
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient person, string key, string tin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/access-requests")
        {
            Content = JsonContent.Create(new { orgType = "practice", items = new[] { new { orgId = tin, role = "staff-user" } } }),
        };
        request.Headers.Add("Idempotency-Key", key);
        return await person.SendAsync(request);
    }
}
