using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>
/// What a test arranges over the public HTTP API before the browser comes in (people, organizations,
/// registrations the flow under test starts from), and the development mail sink the codes arrive in.
/// </summary>
public sealed partial class Backstage(Uri baseAddress)
{
    public const string Password = "Correct-Horse-Battery-42";
    /// <summary>The operator Development provisions at start (<c>Access:DevelopmentOperator</c> in appsettings.Development.json).</summary>
    public const string Operator = "qpp-operator";
    public const string OperatorPassword = "Operator-Password-2026";
    public const string OperatorEmail = "qpp-operator@qpp.localhost";

    public static string NewUserId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    public static string EmailOf(string userId) => userId == Operator ? OperatorEmail : $"{userId}@example.org";

    public async Task CreateAccountAsync(string userId, string firstName = "Jane", string lastName = "Doe")
    {
        using var http = Anonymous();
        var created = await http.PostAsJsonAsync("api/accounts", new { userId, password = Password, firstName, lastName, email = EmailOf(userId) });
        if (created.StatusCode != HttpStatusCode.Conflict)
        {
            created.EnsureSuccessStatusCode();
        }
    }

    public Task<HttpClient> OperatorAsync() => SignedInAsync(Operator);

    public static string PasswordOf(string userId) => userId == Operator ? OperatorPassword : Password;

    public async Task<HttpClient> SignedInAsync(string userId)
    {
        using var http = Anonymous();
        var before = await MessageCountAsync(EmailOf(userId));
        var challenge = await (await Ok(http.PostAsJsonAsync("api/auth/sign-in", new { userId, password = PasswordOf(userId), statementOfTruth = true }))).Content.ReadFromJsonAsync<JsonElement>();
        var id = challenge.GetProperty("challengeId").GetString()!;
        await Ok(http.PostAsJsonAsync($"api/auth/challenges/{Uri.EscapeDataString(id)}/send", new { deviceId = "email" }));
        var code = await CodeAsync(EmailOf(userId), before);
        var token = await (await Ok(http.PostAsJsonAsync($"api/auth/challenges/{Uri.EscapeDataString(id)}/verify", new { code }))).Content.ReadFromJsonAsync<JsonElement>();
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Wrong passwords for <paramref name="userId"/> from clients it does not know, each behind its own forwarded address (as a gateway says it).</summary>
    public async Task FailSignInsAsync(string userId, int count)
    {
        using var http = Anonymous();
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "api/auth/sign-in")
            {
                Content = JsonContent.Create(new { userId, password = "Wrong-Password-0000", statementOfTruth = true }),
            };
            // Four from each address: no one client locks itself out, together they are many.
            request.Headers.TryAddWithoutValidation("X-Forwarded-For", $"198.51.100.{1 + (i / 4)}");
            using var response = await http.SendAsync(request);
            // The failure that reaches the limit is answered with the lock itself.
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized || (i == count - 1 && response.StatusCode == HttpStatusCode.Locked), $"wrong password {i + 1}: {response.StatusCode}");
        }
    }

    /// <summary>An operator's NDJSON import (API.md "Import record formats"), its report.</summary>
    public async Task<JsonElement> ImportLinesAsync(string path, params string[] lines)
    {
        using var operatorClient = await OperatorAsync();
        using var body = new StringContent(string.Join('\n', lines) + "\n", Encoding.UTF8, "application/x-ndjson");
        return await (await Ok(operatorClient.PostAsync(path, body))).Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>A request for <paramref name="role"/> at a practice that has a Security Official: pending (A-23).</summary>
    public static async Task<string> RequestPendingAsync(HttpClient person, Practice practice, string role = "staff-user")
    {
        var result = await (await Ok(person.PostAsJsonAsync("api/access-requests", new { orgType = "practice", items = new[] { new { orgId = practice.Tin, role } } })))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", result.GetProperty("results")[0].GetProperty("status").GetString());
        return result.GetProperty("results")[0].GetProperty("requestId").GetString()!;
    }

    public async Task ImportAsync(params Practice[] practices)
    {
        using var operatorClient = await OperatorAsync();
        using var body = new StringContent(string.Join('\n', practices.Select(p => p.Line())) + "\n", Encoding.UTF8, "application/x-ndjson");
        var report = await (await Ok(operatorClient.PostAsync("api/admin/directory", body))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, report.GetProperty("rejected").GetInt64());
    }

    /// <summary>A new account that is the first, validated Security Official of <paramref name="practice"/> (A-22).</summary>
    public async Task<(string UserId, HttpClient Client)> SecurityOfficialAsync(Practice practice)
    {
        var userId = NewUserId("so");
        await CreateAccountAsync(userId);
        var client = await SignedInAsync(userId);
        var result = await (await Ok(client.PostAsJsonAsync("api/access-requests", new
        {
            orgType = "practice",
            items = new[] { new { orgId = practice.Tin, role = "security-official", validation = new { tin = practice.Tin, npi = practice.Npi, ptan = practice.Ptan } } },
        }))).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("approved", result.GetProperty("results")[0].GetProperty("status").GetString());
        return (userId, client);
    }

    /// <summary>Size 25-99, one contact, registered for the CMS Web Interface: where the guide's modification steps start.</summary>
    public static async Task RegisterWebInterfaceAsync(HttpClient securityOfficial, int py, Practice practice)
    {
        var path = $"api/registrations/{py}/practice/{practice.Tin}";
        await Ok(securityOfficial.PutAsJsonAsync($"{path}/size", new { size = "25-99" }));
        await Ok(securityOfficial.PostAsJsonAsync($"{path}/contacts", new { firstName = "Jane", lastName = "Doe", email = "jdoe@betterhealth.example", phone = "1112223344" }));
        await Ok(securityOfficial.PostAsync($"{path}/programs/web-interface", null));
    }

    /// <summary>The performance year the API shows with connected organizations (R-12).</summary>
    /// <remarks>The person's list is a projection of the organization's roles: it may lag a moment behind the approval.</remarks>
    public static async Task<int> CurrentYearAsync(HttpClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var practices = (await client.GetFromJsonAsync<JsonElement>("api/me/organizations")).GetProperty("practices");
            if (practices.GetArrayLength() > 0)
            {
                return practices[0].GetProperty("registration").GetProperty("performanceYear").GetInt32();
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The connected organization did not appear within 30 s.");
            }

            await Task.Delay(200);
        }
    }

    public async Task<int> MessageCountAsync(string address)
    {
        using var http = Anonymous();
        return (await http.GetFromJsonAsync<JsonElement>($"api/dev/messages?to={Uri.EscapeDataString(address)}")).GetArrayLength();
    }

    /// <summary>The code of the first message after <paramref name="before"/> messages that the development sink delivered to <paramref name="address"/>.</summary>
    public async Task<string> CodeAsync(string address, int before)
    {
        using var http = Anonymous();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var messages = await http.GetFromJsonAsync<JsonElement>($"api/dev/messages?to={Uri.EscapeDataString(address)}");
            if (messages.GetArrayLength() > before && SixDigits().Match(messages[0].GetProperty("body").GetString()!) is { Success: true } code)
            {
                return code.Value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No code reached {address} within 30 s.");
            }

            await Task.Delay(200);
        }
    }

    private HttpClient Anonymous() => new() { BaseAddress = baseAddress };

    private static async Task<HttpResponseMessage> Ok(Task<HttpResponseMessage> sending)
    {
        var response = await sending;
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return response;
    }

    [GeneratedRegex(@"\b\d{6}\b")]
    private static partial Regex SixDigits();
}
