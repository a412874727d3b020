using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>A-7 … A-9 over HTTP on the embedded default: sessions, passwords and devices, each in the person's audit and mailed.</summary>
public sealed class CredentialsApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly Portal portal = new(api.BaseAddress);

    [Fact]
    public async Task A7_Signing_out_ends_this_token_at_once_and_leaves_the_others()
    {
        var userId = Portal.NewUserId();
        using var first = await portal.SignedInAsync(userId);
        using var second = await SignInAgainAsync(userId);

        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync("/api/auth/sign-out", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/api/me")).StatusCode);
        await AuditHasAsync(second, "account-signed-out");
    }

    [Fact]
    public async Task A7_Signing_out_everywhere_ends_every_token_at_once_and_mails_the_account()
    {
        var userId = Portal.NewUserId();
        using var first = await portal.SignedInAsync(userId);
        using var second = await SignInAgainAsync(userId);

        Assert.Equal(HttpStatusCode.NoContent, (await second.PostAsync("/api/auth/sign-out-everywhere", null)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/api/me")).StatusCode);
        await MailedAsync(Portal.EmailOf(userId), "you were signed out everywhere");
        using var third = await SignInAgainAsync(userId);
        await AuditHasAsync(third, "account-signed-out-everywhere");
    }

    [Fact]
    public async Task A8_A_password_changes_with_the_current_password_and_a_fresh_code_and_the_account_is_told()
    {
        var userId = Portal.NewUserId();
        using var http = await portal.SignedInAsync(userId);
        const string newPassword = "Brand-New-Horse-77";

        var (challenge, code) = await ConfirmationAsync(http, userId);
        await Portal.ProblemAsync(await ChangeAsync(http, "Wrong-Password-99", newPassword, challenge, code), HttpStatusCode.BadRequest, "wrong-password");
        await Portal.ProblemAsync(await ChangeAsync(http, Portal.Password, newPassword, challenge, code == "000000" ? "111111" : "000000"), HttpStatusCode.BadRequest, "invalid-code");
        await Portal.ProblemAsync(await ChangeAsync(http, Portal.Password, "short", challenge, code), HttpStatusCode.BadRequest, "validation-failed");
        Assert.Equal(HttpStatusCode.NoContent, (await ChangeAsync(http, Portal.Password, newPassword, challenge, code)).StatusCode);

        await Portal.ProblemAsync(await portal.SignInAsync(userId), HttpStatusCode.Unauthorized, "invalid-credentials");
        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId, newPassword)).StatusCode);
        await MailedAsync(Portal.EmailOf(userId), "your password was changed");
        await AuditHasAsync(http, "account-password-changed");

        // The code was used up with the change.
        await Portal.ProblemAsync(await ChangeAsync(http, newPassword, "Another-New-Horse-78", challenge, code), HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task A8_A_confirmation_challenge_of_someone_else_does_not_change_my_password()
    {
        var (me, other) = (Portal.NewUserId(), Portal.NewUserId());
        using var mine = await portal.SignedInAsync(me);
        using var theirs = await portal.SignedInAsync(other);
        var (challenge, code) = await ConfirmationAsync(theirs, other);

        await Portal.ProblemAsync(await ChangeAsync(mine, Portal.Password, "Brand-New-Horse-77", challenge, code), HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task A8_A_forgotten_password_is_reset_with_a_code_sent_to_a_device_every_session_ends_and_the_account_is_told()
    {
        var userId = Portal.NewUserId();
        using var http = await portal.SignedInAsync(userId);
        var email = Portal.EmailOf(userId);
        var before = await CountAsync(email);

        var started = await portal.Http.PostAsJsonAsync("/api/auth/password-reset", new { userId });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var challenge = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge, "email")).StatusCode);
        var code = await portal.CodeSentToAsync(email, before);

        await Portal.ProblemAsync(await CompleteAsync(challenge, code == "000000" ? "111111" : "000000", "Brand-New-Horse-77"), HttpStatusCode.BadRequest, "invalid-code");
        Assert.Equal(HttpStatusCode.NoContent, (await CompleteAsync(challenge, code, "Brand-New-Horse-77")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId, "Brand-New-Horse-77")).StatusCode);
        await MailedAsync(email, "your password was reset");
        await Portal.ProblemAsync(await CompleteAsync(challenge, code, "Another-New-Horse-78"), HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task A8_A_reset_answers_the_same_whether_or_not_the_id_exists_and_sends_nothing_for_an_unknown_id()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId, phone: null);
        var nobody = Portal.NewUserId("nobody");

        var known = await portal.Http.PostAsJsonAsync("/api/auth/password-reset", new { userId });
        var unknown = await portal.Http.PostAsJsonAsync("/api/auth/password-reset", new { userId = nobody });
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        var (knownBody, unknownBody) = (await known.Content.ReadFromJsonAsync<JsonElement>(), await unknown.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(knownBody.GetProperty("devices").ToString(), unknownBody.GetProperty("devices").ToString());

        foreach (var device in new[] { "sms", "email", "email", "email" })
        {
            var (a, b) = (await portal.SendAsync(Id(knownBody), device), await portal.SendAsync(Id(unknownBody), device));
            Assert.Equal(a.StatusCode, b.StatusCode);
        }

        await Portal.ProblemAsync(await portal.SendAsync(Id(unknownBody), "email"), HttpStatusCode.TooManyRequests, "too-many-codes");
        await Portal.ProblemAsync(await CompleteAsync(Id(unknownBody), "123456", "Brand-New-Horse-77"), HttpStatusCode.BadRequest, "invalid-code");
        Assert.Empty((await portal.Http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(Portal.EmailOf(nobody))}")).EnumerateArray());

        static string Id(JsonElement body) => body.GetProperty("challengeId").GetString()!;
    }

    [Fact]
    public async Task A3_A8_Wrong_reset_codes_never_close_the_owners_sign_in()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        for (var reset = 0; reset < 3; reset++)
        {
            var started = await portal.Http.PostAsJsonAsync("/api/auth/password-reset", new { userId });
            var challenge = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
            for (var guess = 0; guess < 4; guess++)
            {
                await CompleteAsync(challenge, $"{guess:D6}", "Brand-New-Horse-77");
            }
        }

        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId)).StatusCode);
    }

    [Fact]
    public async Task A3_Wrong_codes_across_challenges_are_limited_per_account_and_the_owner_is_told()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        for (var challengeNumber = 0; challengeNumber < 3; challengeNumber++)
        {
            var challenge = await portal.ChallengeAsync(userId);
            Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge)).StatusCode);
            for (var guess = 0; guess < 4; guess++)
            {
                // A real code is six digits; "999999" might be it once in a million.
                await portal.VerifyAsync(challenge, $"99999{guess}");
            }
        }

        await Portal.ProblemAsync(await portal.SignInAsync(userId), HttpStatusCode.Locked, "locked");
        await MailedAsync(Portal.EmailOf(userId), "sign-in paused after wrong verification codes");
        api.Clock.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId)).StatusCode);
    }

    [Fact]
    public async Task A9_A_device_is_added_behind_a_fresh_code_and_a_code_sent_to_it_and_removed_behind_another_but_never_the_last()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId, phone: null);
        using var http = await SignInAgainAsync(userId);
        var email = Portal.EmailOf(userId);
        var added = $"second-{userId}@example.org";

        var (challenge, code) = await ConfirmationAsync(http, userId);
        await Portal.ProblemAsync(await AddAsync(http, "email", "not-an-address", challenge, code), HttpStatusCode.BadRequest, "validation-failed");
        await Portal.ProblemAsync(await AddAsync(http, "email", added, challenge, "000000" == code ? "111111" : "000000"), HttpStatusCode.BadRequest, "invalid-code");
        var pending = await AddAsync(http, "email", added, challenge, code);
        Assert.Equal(HttpStatusCode.Accepted, pending.StatusCode);
        var deviceId = (await pending.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("deviceId").GetString()!;
        Assert.Single((await http.GetFromJsonAsync<JsonElement>("/api/me/devices")).EnumerateArray());

        var deviceCode = await portal.CodeSentToAsync(added);
        await Portal.ProblemAsync(await http.PostAsJsonAsync($"/api/me/devices/{deviceId}/confirm", new { code = deviceCode == "000000" ? "111111" : "000000" }), HttpStatusCode.BadRequest, "invalid-code");
        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync($"/api/me/devices/{deviceId}/confirm", new { code = deviceCode })).StatusCode);
        var devices = (await http.GetFromJsonAsync<JsonElement>("/api/me/devices")).EnumerateArray().ToList();
        Assert.Equal([email, added], devices.Select(d => d.GetProperty("address").GetString()));
        await MailedAsync(email, "a verification device was added");
        var signIn = await (await portal.SignInAsync(userId)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(deviceId, signIn.GetProperty("devices").EnumerateArray().Select(d => d.GetProperty("deviceId").GetString()));

        (challenge, code) = await ConfirmationAsync(http, userId);
        Assert.Equal(HttpStatusCode.NoContent, (await RemoveAsync(http, "email", challenge, code)).StatusCode);
        await MailedAsync(email, "a verification device was removed");

        (challenge, code) = await ConfirmationAsync(http, userId, deviceId, added);
        await Portal.ProblemAsync(await RemoveAsync(http, deviceId, challenge, code), HttpStatusCode.Conflict, "last-device");
        Assert.Single((await http.GetFromJsonAsync<JsonElement>("/api/me/devices")).EnumerateArray());
        await AuditHasAsync(http, "account-device-added");
        await AuditHasAsync(http, "account-device-removed");
    }

    [Fact]
    public async Task A9_A_device_removal_without_a_right_code_changes_nothing()
    {
        var userId = Portal.NewUserId();
        using var http = await portal.SignedInAsync(userId);
        var (challenge, code) = await ConfirmationAsync(http, userId);

        await Portal.ProblemAsync(await RemoveAsync(http, "sms", challenge, code == "000000" ? "111111" : "000000"), HttpStatusCode.BadRequest, "invalid-code");
        await Portal.ProblemAsync(await RemoveAsync(http, "no-such-device", challenge, code), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(2, (await http.GetFromJsonAsync<JsonElement>("/api/me/devices")).GetArrayLength());
    }

    private async Task<HttpClient> SignInAgainAsync(string userId)
    {
        var email = Portal.EmailOf(userId);
        var before = await CountAsync(email);
        var challenge = await portal.ChallengeAsync(userId);
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge)).StatusCode);
        var verified = await portal.VerifyAsync(challenge, await portal.CodeSentToAsync(email, before));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var client = api.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", (await verified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        return client;
    }

    /// <summary>Opens a confirmation challenge and reads the code sent to the device.</summary>
    private async Task<(string ChallengeId, string Code)> ConfirmationAsync(HttpClient http, string userId, string deviceId = "email", string? address = null)
    {
        address ??= Portal.EmailOf(userId);
        var before = await CountAsync(address);
        var opened = await http.PostAsync("/api/me/challenges", null);
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
        var challenge = (await opened.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challenge, deviceId)).StatusCode);
        return (challenge, await portal.CodeSentToAsync(address, before));
    }

    private static Task<HttpResponseMessage> ChangeAsync(HttpClient http, string currentPassword, string newPassword, string challengeId, string code) =>
        http.PutAsJsonAsync("/api/me/password", new { currentPassword, newPassword, challengeId, code });

    private Task<HttpResponseMessage> CompleteAsync(string challengeId, string code, string newPassword) =>
        portal.Http.PostAsJsonAsync($"/api/auth/password-reset/{Uri.EscapeDataString(challengeId)}/complete", new { code, newPassword });

    private static Task<HttpResponseMessage> AddAsync(HttpClient http, string kind, string address, string challengeId, string code) =>
        http.PostAsJsonAsync("/api/me/devices", new { kind, address, challengeId, code });

    private static async Task<HttpResponseMessage> RemoveAsync(HttpClient http, string deviceId, string challengeId, string code)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/me/devices/{deviceId}") { Content = JsonContent.Create(new { challengeId, code }) };
        return await http.SendAsync(request);
    }

    private static async Task AuditHasAsync(HttpClient http, string action) => await Eventually.HoldsAsync(
        async () => (await http.GetFromJsonAsync<JsonElement>("/api/me/audit")).EnumerateArray().Any(e => e.GetProperty("action").GetString() == action),
        TimeSpan.FromSeconds(20),
        () => $"the person's audit trail to hold {action}");

    private async Task<int> CountAsync(string address) =>
        (await portal.Http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(address)}")).GetArrayLength();

    private async Task MailedAsync(string address, string subject) => await Eventually.HoldsAsync(
        async () => (await portal.Http.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to={Uri.EscapeDataString(address)}")).EnumerateArray()
            .Any(m => m.GetProperty("subject").GetString()!.Contains(subject, StringComparison.Ordinal)),
        TimeSpan.FromSeconds(20),
        () => $"a message '{subject}' to {address}");
}
