using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QppOrleans.Bench;

/// <summary>
/// Signs in through the public API the way the portal does (Development: codes read from the mail
/// sink). The tool stands where the gateway stands: each person it plays comes from an address of
/// their own (<c>X-Forwarded-For</c>, honoured from loopback), as people behind a real gateway do,
/// so that the per-client limits count each person and not the tool.
/// </summary>
internal sealed partial class PortalClient(HttpClient http)
{
    public const string Password = "Bench-Password-2021";

    /// <summary>The Development operator (<c>Access:DevelopmentOperator</c> in the API's Development settings).</summary>
    public const string OperatorId = "qpp-operator";

    public const string OperatorPassword = "Operator-Password-2026";

    private const string OperatorEmail = "qpp-operator@qpp.localhost";

    public HttpClient Http => http;

    /// <summary>A client of the Development operator, whose account the API provisions at start.</summary>
    public async Task<HttpClient> SignInAsOperatorAsync(Uri baseAddress)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(OperatorId, null, OperatorPassword, OperatorEmail));
        return client;
    }

    public static string EmailOf(string userId) => $"{userId}@bench.example.org";

    /// <summary>A made-up client address of the person, the same for every request they make.</summary>
    public static string AddressOf(string userId) =>
        System.IO.Hashing.XxHash32.HashToUInt32(System.Text.Encoding.UTF8.GetBytes(userId)) is var hash
            ? $"10.{(hash >> 16) & 0xff}.{(hash >> 8) & 0xff}.{(hash & 0xfe) + 1}"
            : "";

    /// <summary>A request as the gateway forwards it for <paramref name="userId"/>.</summary>
    public static HttpRequestMessage From(string userId, HttpMethod method, string path, object? body)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", AddressOf(userId));
        return request;
    }

    public async Task CreateAccountAsync(string userId, Recorder? recorder = null)
    {
        var body = new { userId, password = Password, firstName = "Bench", lastName = "User", email = EmailOf(userId) };
        using var request = From(userId, HttpMethod.Post, "/api/accounts", body);
        using var _ = recorder is null
            ? await http.SendAsync(request)
            : await recorder.TimeAsync("create-account", () => http.SendAsync(request));
    }

    /// <summary>Password, Statement of Truth, a code by email read from the Development mail sink, the token.</summary>
    public async Task<string> TokenAsync(string userId, Recorder? recorder, string password = Password, string? email = null)
    {
        Task<HttpResponseMessage> Timed(string kind, Func<Task<HttpResponseMessage>> send) => recorder is null ? send() : recorder.TimeAsync(kind, send);
        email ??= EmailOf(userId);
        var signIn = await Timed("sign-in", () => http.SendAsync(From(userId, HttpMethod.Post, "/api/auth/sign-in", new { userId, password, statementOfTruth = true })));
        signIn.EnsureSuccessStatusCode();
        var challengeId = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        var before = (await CodeMessagesAsync(email)).Length;
        (await Timed("send-code", () => http.SendAsync(From(userId, HttpMethod.Post, $"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/send", new { deviceId = "email" })))).EnsureSuccessStatusCode();
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

        var verified = await Timed("verify-code", () => http.SendAsync(From(userId, HttpMethod.Post, $"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/verify", new { code })));
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
