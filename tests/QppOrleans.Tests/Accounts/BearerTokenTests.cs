using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>
/// only an unexpired token signed with the service's key, for its issuer and audience, of an
/// account that exists and has not locked since the token was issued, is accepted.
/// </summary>
public sealed class BearerTokenTests(BearerTokenTests.QuickAccountChecks api) : IClassFixture<BearerTokenTests.QuickAccountChecks>
{
    /// <summary>The API with a short <c>Auth:AccountCheckInterval</c>, so the bound is measurable quickly.</summary>
    public sealed class QuickAccountChecks : ApiFixture
    {
        public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

        protected override Task<Dictionary<string, string?>> PrepareAsync() =>
            Task.FromResult(new Dictionary<string, string?> { ["Auth:AccountCheckInterval"] = Interval.ToString() });
    }

    private const string DevelopmentKey = "development-only-signing-key-never-use-it-in-production";

    [Fact]
    public async Task A6_A_token_the_service_issued_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(api.IssueToken(Portal.NewUserId())));
    }

    [Fact]
    public async Task A6_A_well_signed_token_of_an_id_without_an_account_or_without_a_session_epoch_is_refused()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(subject: "nobody-has-this-id", epoch: 0)));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token(subject: AccountHolder(), epoch: 0)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(Token(subject: AccountHolder(), epoch: null)));
    }

    [Fact]
    public async Task A4_A7_Failed_passwords_lock_that_client_out_but_never_end_the_owners_sessions_and_the_owner_signs_in_elsewhere()
    {
        var owner = new Portal(api.BaseAddress);
        var userId = Portal.NewUserId("locks");
        using var signedIn = await owner.SignedInAsync(userId);
        var attacker = new Portal(api.BaseAddress);
        attacker.Http.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.66");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await attacker.SignInAsync(userId, password: "Wrong-Password-99");
        }

        await Portal.ProblemAsync(await attacker.SignInAsync(userId), HttpStatusCode.Locked, "locked");
        await Task.Delay(QuickAccountChecks.Interval * 2);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.SignInAsync(userId)).StatusCode);
    }

    [Fact]
    public async Task A7_A_token_signed_out_by_another_API_process_stops_working_here_within_the_check_interval()
    {
        var portal = new Portal(api.BaseAddress);
        var userId = Portal.NewUserId("elsewhere");
        using var signedIn = await portal.SignedInAsync(userId);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/api/me")).StatusCode);

        // Another API process signs out everywhere: it tells the account's grain, not this process.
        await api.Grains.GetGrain<Grains.Abstractions.Accounts.IUserGrain>(Grains.Abstractions.GrainKeys.User(userId)).SignOutEverywhereAsync();

        var took = await Eventually.HoldsAsync(
            async () => (await signedIn.GetAsync("/api/me")).StatusCode == HttpStatusCode.Unauthorized,
            TimeSpan.FromSeconds(10),
            () => "the token signed out elsewhere to be refused");
        Assert.True(took <= QuickAccountChecks.Interval + TimeSpan.FromSeconds(1), $"refused only after {took.TotalSeconds:F1} s");
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("key")]
    [InlineData("expired")]
    [InlineData("unsigned")]
    public async Task A6_A_token_with_a_wrong_issuer_audience_key_or_lifetime_is_refused(string wrong)
    {
        var subject = AccountHolder();
        var token = wrong switch
        {
            "issuer" => Token(issuer: "someone-else", subject: subject),
            "audience" => Token(audience: "another-service", subject: subject),
            "key" => Token(key: "a-different-key-of-more-than-thirty-two-bytes", subject: subject),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-5), subject: subject),
            _ => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "qpp-access", Audience = "qpp-portal", Subject = new ClaimsIdentity([new Claim("sub", subject), new Claim("sep", "0", ClaimValueTypes.Integer32)]),
            }),
        };

        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token(subject: subject)));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
    }

    [Fact]
    public async Task A6_A_token_accepted_before_is_refused_once_it_has_expired_even_though_verified_tokens_are_remembered()
    {
        // Accepted only thanks to the 30 s clock skew, for two more seconds.
        var token = Token(expires: DateTime.UtcNow.AddSeconds(-28), subject: AccountHolder());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token));

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
    }

    [Fact]
    public async Task A6_A_remembered_token_changed_by_one_character_is_refused()
    {
        var token = Token(subject: AccountHolder());
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(token));

        var signature = token.LastIndexOf('.') + 1;
        var tampered = token[..signature] + (token[signature] == 'A' ? 'B' : 'A') + token[(signature + 1)..];
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(tampered));
    }

    [Fact]
    public async Task A6_Requests_without_one_valid_bearer_token_get_401_with_an_RFC_6750_challenge()
    {
        var valid = Token(subject: AccountHolder());
        using var http = api.Anonymous();

        async Task<HttpResponseMessage> SendAsync(params string[] authorization)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/me/notifications");
            foreach (var value in authorization)
            {
                request.Headers.TryAddWithoutValidation("Authorization", value);
            }

            return await http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"Bearer {valid}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"bearer   {valid}  ")).StatusCode);
        foreach (var (authorization, challenge) in new (string[], string)[]
        {
            ([], "Bearer"),
            (["Basic dXNlcjpwYXNz"], "Bearer"),
            (["Bearer not-a-token"], "Bearer error=\"invalid_token\""),
            (["Bearer "], "Bearer"),
            ([$"Bearer {valid}", $"Bearer {valid}"], "Bearer error=\"invalid_token\""),
        })
        {
            var response = await SendAsync(authorization);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.StartsWith(challenge, response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    /// <summary>The id of a fresh account (session epoch 0).</summary>
    private string AccountHolder()
    {
        var userId = Portal.NewUserId("holder");
        api.IssueToken(userId);
        return userId;
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync("/api/me/notifications")).StatusCode;
    }

    private static string Token(
        string issuer = "qpp-access", string audience = "qpp-portal", string key = DevelopmentKey, DateTime? expires = null,
        string subject = "nobody-has-this-id", int? epoch = 0)
    {
        var notBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity(epoch is null
                ? [new Claim("sub", subject), new Claim("jti", Guid.NewGuid().ToString("N"))]
                : [new Claim("sub", subject), new Claim("jti", Guid.NewGuid().ToString("N")),
                    new Claim("sep", epoch.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32)]),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
