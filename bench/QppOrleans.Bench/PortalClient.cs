using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QppOrleans.Bench;

/// <summary>Signs in through the public API the way the portal does (Development: codes read from the mail sink).</summary>
internal sealed partial class PortalClient(HttpClient http)
{
    public const string Password = "Bench-Password-2021";

    public HttpClient Http => http;

    public async Task<HttpClient> SignInAsync(string userId, Uri baseAddress)
    {
        await CreateAccountAsync(userId);
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(userId, null));
        return client;
    }

    public static string EmailOf(string userId) => $"{userId}@bench.example.org";

    public async Task CreateAccountAsync(string userId, Recorder? recorder = null)
    {
        var body = new { userId, password = Password, firstName = "Bench", lastName = "User", email = EmailOf(userId) };
        using var _ = recorder is null ? await http.PostAsJsonAsync("/api/accounts", body) : await recorder.TimeAsync("create-account", () => http.PostAsJsonAsync("/api/accounts", body));
    }

    /// <summary>Password, Statement of Truth, a code by email read from the Development mail sink, the token.</summary>
    public async Task<string> TokenAsync(string userId, Recorder? recorder)
    {
        Task<HttpResponseMessage> Timed(string kind, Func<Task<HttpResponseMessage>> send) => recorder is null ? send() : recorder.TimeAsync(kind, send);
        var email = EmailOf(userId);
        var signIn = await Timed("sign-in", () => http.PostAsJsonAsync("/api/auth/sign-in", new { userId, password = Password, statementOfTruth = true }));
        signIn.EnsureSuccessStatusCode();
        var challengeId = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        var before = (await CodeMessagesAsync(email)).Length;
        (await Timed("send-code", () => http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/send", new { deviceId = "email" }))).EnsureSuccessStatusCode();
        string? code = null;
        for (var attempt = 0; attempt < 200 && code is null; attempt++)
        {
            var messages = await CodeMessagesAsync(email);
            if (messages.Length > before)
            {
                code = SixDigits().Match(messages[0].GetProperty("body").GetString()!).Value;
            }
            else
            {
                await Task.Delay(50);
            }
        }

        var verified = await Timed("verify-code", () => http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/verify", new { code }));
        verified.EnsureSuccessStatusCode();
        return (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
    }

    /// <summary>
    /// The verification-code emails the sink holds for the address, newest first. Other notices
    /// (an approved access request, say) arrive through the same pipeline at any time and must not
    /// be mistaken for the code: a flow that did failed with 400 once in a small run.
    /// </summary>
    private async Task<JsonElement[]> CodeMessagesAsync(string email) =>
        [.. (await http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(email)}")).EnumerateArray()
            .Where(m => m.GetProperty("subject").GetString()!.Contains("verification code", StringComparison.Ordinal))];

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
