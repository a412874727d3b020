using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>
/// The API with three requests a window per client and per account under every throttle policy,
/// behind a gateway in 10.0.0.0/8. Each test speaks for clients of its own, with addresses made up
/// for it, the way the gateway forwards them.
/// </summary>
public sealed class ThrottledApiFixture : ApiFixture
{
    protected override int Permits => 3;

    protected override Task<Dictionary<string, string?>> PrepareAsync() =>
        Task.FromResult(new Dictionary<string, string?> { ["Network:KnownNetworks:0"] = "10.0.0.0/8" });
}

public sealed class ThrottleTests(ThrottledApiFixture api) : IClassFixture<ThrottledApiFixture>
{
    [Fact]
    public async Task Behind_the_gateway_each_forwarded_client_has_its_own_allowance_and_the_one_beyond_gets_429_with_Retry_After()
    {
        var (first, second) = (NewClient(), NewClient());
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Portal.ProblemAsync(await SignInAsync(first, Portal.NewUserId("nobody")), HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        var throttled = await SignInAsync(first, Portal.NewUserId("nobody"));
        var problem = await Portal.ProblemAsync(throttled, HttpStatusCode.TooManyRequests, "too-many-requests");
        Assert.InRange(int.Parse(throttled.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        Assert.Contains("Wait", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        await Portal.ProblemAsync(await SignInAsync(second, Portal.NewUserId("nobody")), HttpStatusCode.Unauthorized, "invalid-credentials");
        using var http = api.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task A_client_cannot_pick_the_address_it_is_counted_under_by_writing_the_header_itself()
    {
        // The gateway appends the address it saw; whatever the client wrote before it is not trusted.
        var real = NewClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInAsync($"{NewClient()}, {real}", Portal.NewUserId("nobody"));
        }

        await Portal.ProblemAsync(await SignInAsync($"{NewClient()}, {real}", Portal.NewUserId("nobody")), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task Hops_inside_the_configured_gateway_network_are_passed_over_to_the_client_behind_them()
    {
        var client = NewClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await SignInAsync($"{client}, 10.{attempt}.0.1", Portal.NewUserId("nobody"));
        }

        await Portal.ProblemAsync(await SignInAsync($"{client}, 10.9.9.9", Portal.NewUserId("nobody")), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task IPv6_clients_are_counted_by_their_64_bit_network()
    {
        var network = $"2001:db8:{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";
        for (var host = 1; host <= 3; host++)
        {
            await SignInAsync($"{network}::{host:x}", Portal.NewUserId("nobody"));
        }

        await Portal.ProblemAsync(await SignInAsync($"{network}::ffff", Portal.NewUserId("nobody")), HttpStatusCode.TooManyRequests, "too-many-requests");
        await Portal.ProblemAsync(await SignInAsync($"{network}1::1", Portal.NewUserId("nobody")), HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Fact]
    public async Task A4_Passwords_for_one_account_from_many_clients_are_limited_but_a_client_the_account_knows_still_gets_in()
    {
        var userId = Portal.NewUserId();
        var knownClient = await SignInFullyAsync(userId);
        for (var attempt = 0; attempt < 2; attempt++)
        {
            await Portal.ProblemAsync(await SignInAsync(NewClient(), userId, "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        await Portal.ProblemAsync(await SignInAsync(NewClient(), userId), HttpStatusCode.TooManyRequests, "too-many-requests");

        // The owner's client goes on to a code, past the strangers who spent the account's allowance.
        var owner = new Portal(api.BaseAddress);
        owner.Http.DefaultRequestHeaders.Add("X-Forwarded-For", NewClient());
        var signIn = await SignInAsync(NewClient(), userId, knownClient: knownClient);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var challenge = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await owner.SendAsync(challenge)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.VerifyAsync(challenge, await owner.CodeSentToAsync(Portal.EmailOf(userId), previous: 1))).StatusCode);

        // Another account's token vouches for nobody here.
        await Portal.ProblemAsync(await SignInAsync(NewClient(), userId, knownClient: await SignInFullyAsync(Portal.NewUserId())),
            HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task Account_creation_is_limited_per_client_and_per_user_id()
    {
        var client = NewClient();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Created, (await CreateAsync(client, Portal.NewUserId())).StatusCode);
        }

        var refused = Portal.NewUserId();
        await Portal.ProblemAsync(await CreateAsync(client, refused), HttpStatusCode.TooManyRequests, "too-many-requests");
        using var http = api.Anonymous();
        await Portal.ProblemAsync(await new Portal(api.BaseAddress).SignInAsync(refused), HttpStatusCode.Unauthorized, "invalid-credentials");

        var contested = Portal.NewUserId();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await CreateAsync(NewClient(), contested);
        }

        await Portal.ProblemAsync(await CreateAsync(NewClient(), contested), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task A8_Password_resets_are_limited_per_account_so_nobody_can_flood_the_owner_with_codes()
    {
        var userId = Portal.NewUserId();
        await new Portal(api.BaseAddress).CreateAsync(userId);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await ResetAsync(NewClient(), userId)).StatusCode);
        }

        await Portal.ProblemAsync(await ResetAsync(NewClient(), userId), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    [Fact]
    public async Task Access_requests_are_limited_per_requester_whatever_client_they_come_from()
    {
        using var http = api.SignedIn(Portal.NewUserId("asker"));
        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AccessRequestAsync(http, NewClient())).StatusCode);
        }

        await Portal.ProblemAsync(await AccessRequestAsync(http, NewClient()), HttpStatusCode.TooManyRequests, "too-many-requests");
    }

    private static string NewClient() => $"198.{Random.Shared.Next(18, 20)}.{Random.Shared.Next(256)}.{Random.Shared.Next(1, 255)}";

    private async Task<HttpResponseMessage> SignInAsync(string forwardedFor, string userId, string password = Portal.Password, string? knownClient = null)
    {
        using var http = api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/sign-in")
        {
            Content = JsonContent.Create(new { userId, password, statementOfTruth = true, knownClient }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> CreateAsync(string forwardedFor, string userId)
    {
        using var http = api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/accounts")
        {
            Content = JsonContent.Create(new { userId, password = Portal.Password, firstName = "Ann", lastName = "Lee", email = Portal.EmailOf(userId) }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    private async Task<HttpResponseMessage> ResetAsync(string forwardedFor, string userId)
    {
        using var http = api.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/password-reset") { Content = JsonContent.Create(new { userId }) };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    private static async Task<HttpResponseMessage> AccessRequestAsync(HttpClient http, string forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/access-requests")
        {
            Content = JsonContent.Create(new { orgType = "practice", items = new[] { new { orgId = "999999999", role = "staff-user" } } }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await http.SendAsync(request);
    }

    /// <summary>Creates the account and signs in with both factors from a client of its own; returns the known-client token.</summary>
    private async Task<string> SignInFullyAsync(string userId)
    {
        var portal = new Portal(api.BaseAddress);
        portal.Http.DefaultRequestHeaders.Add("X-Forwarded-For", NewClient());
        await portal.CreateAsync(userId);
        var challenge = await portal.ChallengeAsync(userId);
        await portal.SendAsync(challenge);
        var verified = await portal.VerifyAsync(challenge, await portal.CodeSentToAsync(Portal.EmailOf(userId)));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        return (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("knownClient").GetString()!;
    }
}
