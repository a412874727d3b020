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
        var email = $"{userId}@bench.example.org";
        await http.PostAsJsonAsync("/api/accounts", new { userId, password = Password, firstName = "Bench", lastName = "User", email });
        var signIn = await http.PostAsJsonAsync("/api/auth/sign-in", new { userId, password = Password, statementOfTruth = true });
        signIn.EnsureSuccessStatusCode();
        var challengeId = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        var before = await MessageCountAsync(email);
        (await http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/send", new { deviceId = "email" })).EnsureSuccessStatusCode();
        string? code = null;
        for (var attempt = 0; attempt < 200 && code is null; attempt++)
        {
            var messages = await http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(email)}");
            if (messages.GetArrayLength() > before)
            {
                code = SixDigits().Match(messages[0].GetProperty("body").GetString()!).Value;
            }
            else
            {
                await Task.Delay(50);
            }
        }

        var verified = await http.PostAsJsonAsync($"/api/auth/challenges/{Uri.EscapeDataString(challengeId)}/verify", new { code });
        verified.EnsureSuccessStatusCode();
        var token = (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromMinutes(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private async Task<int> MessageCountAsync(string email) =>
        (await http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(email)}")).GetArrayLength();

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
