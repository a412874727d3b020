using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>What the portal does over HTTP: create an account, sign in with two factors.</summary>
internal sealed partial class Portal(Uri baseAddress)
{
    public const string Password = "Correct-Horse-42";

    public HttpClient Http { get; } = new() { BaseAddress = baseAddress };

    public static string NewUserId(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static string EmailOf(string userId) => $"{userId}@example.org";

    public async Task<HttpResponseMessage> CreateAsync(string userId, string? phone = "410-555-0123", string password = Password) =>
        await Http.PostAsJsonAsync("/api/accounts", new { userId, password, firstName = "Ann", lastName = "Lee", email = EmailOf(userId), phone });

    public async Task<HttpResponseMessage> SignInAsync(string userId, string password = Password, bool? statementOfTruth = true) =>
        await Http.PostAsJsonAsync("/api/auth/sign-in", new { userId, password, statementOfTruth });

    public async Task<string> ChallengeAsync(string userId)
    {
        var response = await SignInAsync(userId);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
    }

    public async Task<HttpResponseMessage> SendAsync(string challengeId, string deviceId = "email") =>
        await Http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/send", new { deviceId });

    public async Task<HttpResponseMessage> VerifyAsync(string challengeId, string code) =>
        await Http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/verify", new { code });

    /// <summary>The newest code the development sink delivered to <paramref name="address"/>, waiting for the one after <paramref name="previous"/>.</summary>
    public async Task<string> CodeSentToAsync(string address, int previous = 0)
    {
        string? code = null;
        await Eventually.HoldsAsync(
            async () =>
            {
                var messages = await Http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(address)}");
                if (messages.GetArrayLength() <= previous)
                {
                    return false;
                }

                code = SixDigits().Match(messages[0].GetProperty("body").GetString()!).Value;
                return true;
            },
            TimeSpan.FromSeconds(30),
            () => $"a code should be delivered to {address}");
        return code!;
    }

    /// <summary>Creates the account and signs in with both factors; returns a client carrying the token.</summary>
    public async Task<HttpClient> SignedInAsync(string userId)
    {
        await CreateAsync(userId);
        var challenge = await ChallengeAsync(userId);
        Assert.Equal(HttpStatusCode.Accepted, (await SendAsync(challenge)).StatusCode);
        var verified = await VerifyAsync(challenge, await CodeSentToAsync(EmailOf(userId)));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = baseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(code, problem.GetProperty("code").GetString());
        return problem;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
