using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>An API of its own: its clock moves by weeks, and its follow-up reminder ticks every second.</summary>
public sealed class FollowUpFixture : ApiFixture
{
    protected override Task<Dictionary<string, string?>> PrepareAsync() => Task.FromResult(new Dictionary<string, string?>
    {
        ["Access:PendingRequests:CheckEvery"] = "00:00:01",
        ["Orleans:ReminderOptions:MinimumReminderPeriod"] = "00:00:01",
    });
}

/// <summary>A-32: a pending request nobody decides reminds the Security Officials, again later, then expires with a reason the requester sees.</summary>
public sealed class PendingRequestLifecycleTests(FollowUpFixture api) : IClassFixture<FollowUpFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A32_A_request_nobody_decides_reminds_after_three_days_again_after_ten_and_expires_after_thirty()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, ann) = await world.PersonAsync("ann");
        var requestId = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(0, await RemindersAsync(sam));

        api.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.HoldsAsync(async () => await RemindersAsync(sam) == 1, Patience, () => "a first reminder after three days");
        api.Clock.Advance(TimeSpan.FromDays(4));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await RemindersAsync(sam));

        api.Clock.Advance(TimeSpan.FromDays(3));
        await Eventually.HoldsAsync(async () => await RemindersAsync(sam) == 2, Patience, () => "a second reminder after ten days");

        api.Clock.Advance(TimeSpan.FromDays(20));
        await Eventually.HoldsAsync(
            async () => (await ann.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).EnumerateArray()
                .Any(r => r.GetProperty("requestId").GetString() == requestId && r.GetProperty("status").GetString() == "expired"),
            Patience, () => "the requester sees the request expired");
        var mine = (await ann.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).EnumerateArray().Single(r => r.GetProperty("requestId").GetString() == requestId);
        Assert.Contains("within 30 days, so it has expired", mine.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Empty((await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending")).EnumerateArray());
        var expired = Assert.Single((await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=expired")).EnumerateArray());
        Assert.Contains("within 30 days", expired.GetProperty("reason").GetString(), StringComparison.Ordinal);
        await Eventually.HoldsAsync(
            async () => (await ann.GetFromJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("subject").GetString()!.Contains("your request to connect", StringComparison.Ordinal)
                    && n.GetProperty("subject").GetString()!.EndsWith("expired", StringComparison.Ordinal)),
            Patience, () => "the requester is told");
        string[] actions = [];
        await Eventually.HoldsAsync(
            async () =>
            {
                actions = [.. (await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/audit")).EnumerateArray().Select(e => e.GetProperty("action").GetString()!)];
                return actions.Contains("access-request-expired");
            },
            Patience, () => "the expiry in the audit trail");
        Assert.Equal(2, actions.Count(a => a == "access-request-reminded"));

        // The request is over: approving it is refused, and asking again is a new request.
        Assert.Equal(System.Net.HttpStatusCode.Conflict, (await sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null)).StatusCode);
        Assert.Equal("pending", (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("status").GetString());
    }

    private static async Task<int> RemindersAsync(HttpClient securityOfficial) =>
        (await securityOfficial.GetFromJsonAsync<JsonElement>("/api/me/notifications?pageSize=100")).GetProperty("items").EnumerateArray()
            .Count(n => n.GetProperty("subject").GetString()!.Contains("is waiting for you", StringComparison.Ordinal));
}
