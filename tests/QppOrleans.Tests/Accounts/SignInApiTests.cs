using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging.Testing;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>A-1 … A-6 over HTTP on the embedded default, on an API of their own: they move the rules' clock, and sign in as the operator through the portal.</summary>
public sealed class SignInApiTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private readonly Portal portal = new(api.BaseAddress);

    [Fact]
    public async Task A1_A3_A6_Create_an_account_sign_in_with_a_code_by_email_and_read_me()
    {
        var userId = Portal.NewUserId();
        var created = await portal.CreateAsync(userId.ToUpperInvariant());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(userId, (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetString());

        var signIn = await portal.SignInAsync(userId);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var challenge = await signIn.Content.ReadFromJsonAsync<JsonElement>();
        var devices = challenge.GetProperty("devices").EnumerateArray().ToList();
        Assert.Equal(["email", "sms"], devices.Select(d => d.GetProperty("kind").GetString()));
        Assert.Equal($"{char.ToUpperInvariant(userId[0])}***@example.org", devices[0].GetProperty("masked").GetString());
        Assert.Equal("***-***-0123", devices[1].GetProperty("masked").GetString());

        var challengeId = challenge.GetProperty("challengeId").GetString()!;
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challengeId)).StatusCode);
        var verified = await portal.VerifyAsync(challengeId, await portal.CodeSentToAsync(Portal.EmailOf(userId)));
        Assert.Equal(HttpStatusCode.OK, verified.StatusCode);
        var token = await verified.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Bearer", token.GetProperty("tokenType").GetString());
        Assert.True(token.GetProperty("expiresIn").GetInt32() > 0);

        using var me = api.Anonymous();
        me.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var profile = await me.GetFromJsonAsync<JsonElement>("/api/me");
        Assert.Equal(userId, profile.GetProperty("userId").GetString());
        Assert.Equal("Ann", profile.GetProperty("firstName").GetString());
        Assert.Equal("Lee", profile.GetProperty("lastName").GetString());
        Assert.Equal(Portal.EmailOf(userId.ToUpperInvariant()), profile.GetProperty("email").GetString());
        Assert.False(profile.GetProperty("operator").GetBoolean());
    }

    [Fact]
    public async Task A3_A_code_can_be_sent_to_the_phone_as_a_text_message()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId, phone: "(410) 555-0123");
        var challengeId = await portal.ChallengeAsync(userId);
        var before = (await portal.Http.GetFromJsonAsync<JsonElement>("/api/dev/messages?to=%2B14105550123")).GetArrayLength();

        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challengeId, "sms")).StatusCode);

        var code = await portal.CodeSentToAsync("+14105550123", before);
        Assert.Equal(HttpStatusCode.OK, (await portal.VerifyAsync(challengeId, code)).StatusCode);
    }

    [Fact]
    public async Task A1_A_user_id_is_taken_whatever_its_case()
    {
        var userId = Portal.NewUserId();
        Assert.Equal(HttpStatusCode.Created, (await portal.CreateAsync(userId)).StatusCode);

        await Portal.ProblemAsync(await portal.CreateAsync(userId.ToUpperInvariant()), HttpStatusCode.Conflict, "user-exists");
    }

    [Theory]
    [InlineData("userId", "ab")]
    [InlineData("userId", "-starts-with-dash")]
    [InlineData("password", "short-Pass1")]
    [InlineData("password", "alllowercaseletters")]
    [InlineData("password", "contains-THE-user-ID-1")]
    [InlineData("firstName", "")]
    [InlineData("email", "not-an-email")]
    [InlineData("phone", "555-0123")]
    [InlineData("phone", "+44 20 7946 0958")]
    public async Task A1_Bad_account_input_is_a_400_naming_the_field_and_creates_nothing(string field, string value)
    {
        var userId = Portal.NewUserId();
        var body = new Dictionary<string, string?>
        {
            ["userId"] = userId, ["password"] = Portal.Password, ["firstName"] = "Ann", ["lastName"] = "Lee",
            ["email"] = Portal.EmailOf(userId), ["phone"] = "410-555-0123",
        };
        body[field] = field == "password" ? value.Replace("the-user-ID", userId, StringComparison.OrdinalIgnoreCase) : value;

        var problem = await Portal.ProblemAsync(await portal.Http.PostAsJsonAsync("/api/accounts", body), HttpStatusCode.BadRequest, "validation-failed");

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        await Portal.ProblemAsync(await portal.SignInAsync(userId), HttpStatusCode.Unauthorized, "invalid-credentials");
    }

    [Theory]
    [InlineData("{not json")]
    [InlineData("[]")]
    [InlineData("{\"userId\": 42}")]
    public async Task A1_A_body_that_is_not_an_account_is_a_400(string json)
    {
        var response = await portal.Http.SendTextAsync(HttpMethod.Post, "/api/accounts", json);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public async Task A2_Without_the_Statement_of_Truth_nobody_signs_in_even_with_the_right_password(bool? statement)
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);

        var problem = await Portal.ProblemAsync(await portal.SignInAsync(userId, statementOfTruth: statement), HttpStatusCode.BadRequest, "statement-of-truth-required");
        Assert.Contains("Statement of Truth", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A4_A_wrong_password_and_an_unknown_user_get_the_same_answer()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);

        var wrongPassword = await Portal.ProblemAsync(await portal.SignInAsync(userId, "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
        var unknownUser = await Portal.ProblemAsync(await portal.SignInAsync(Portal.NewUserId("nobody")), HttpStatusCode.Unauthorized, "invalid-credentials");

        Assert.Equal(Without(wrongPassword, "traceId"), Without(unknownUser, "traceId"));
    }

    [Fact]
    public async Task A4_Five_failures_lock_the_account_for_fifteen_minutes_and_an_unknown_id_behaves_the_same()
    {
        var userId = Portal.NewUserId();
        var nobody = Portal.NewUserId("nobody");
        await portal.CreateAsync(userId);

        foreach (var id in new[] { userId, nobody })
        {
            for (var attempt = 1; attempt < 5; attempt++)
            {
                await Portal.ProblemAsync(await portal.SignInAsync(id, "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
            }

            var locked = await portal.SignInAsync(id, "Wrong-Password-99");
            await Portal.ProblemAsync(locked, HttpStatusCode.Locked, "locked");
            Assert.InRange(int.Parse(locked.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 900);
        }

        await Portal.ProblemAsync(await portal.SignInAsync(userId), HttpStatusCode.Locked, "locked");
        api.Clock.Advance(TimeSpan.FromMinutes(14));
        await Portal.ProblemAsync(await portal.SignInAsync(userId), HttpStatusCode.Locked, "locked");
        api.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId)).StatusCode);
    }

    [Fact]
    public async Task A3_A_code_works_once()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        var challengeId = await portal.ChallengeAsync(userId);
        await portal.SendAsync(challengeId);
        var code = await portal.CodeSentToAsync(Portal.EmailOf(userId));

        Assert.Equal(HttpStatusCode.OK, (await portal.VerifyAsync(challengeId, code)).StatusCode);
        await Portal.ProblemAsync(await portal.VerifyAsync(challengeId, code), HttpStatusCode.BadRequest, "invalid-code");
        await Portal.ProblemAsync(await portal.SendAsync(challengeId), HttpStatusCode.NotFound, "challenge-not-found");
    }

    [Fact]
    public async Task A3_A_code_expires_after_five_minutes()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        var challengeId = await portal.ChallengeAsync(userId);
        await portal.SendAsync(challengeId);
        var code = await portal.CodeSentToAsync(Portal.EmailOf(userId));

        api.Clock.Advance(TimeSpan.FromMinutes(5));

        await Portal.ProblemAsync(await portal.VerifyAsync(challengeId, code), HttpStatusCode.BadRequest, "invalid-code");
        Assert.Equal(HttpStatusCode.Accepted, (await portal.SendAsync(challengeId)).StatusCode);
        var fresh = await portal.CodeSentToAsync(Portal.EmailOf(userId), previous: 1);
        Assert.Equal(HttpStatusCode.OK, (await portal.VerifyAsync(challengeId, fresh)).StatusCode);
    }

    [Fact]
    public async Task A3_The_fifth_wrong_code_ends_the_challenge()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        var challengeId = await portal.ChallengeAsync(userId);
        await portal.SendAsync(challengeId);
        var code = await portal.CodeSentToAsync(Portal.EmailOf(userId));
        var wrong = code == "000000" ? "111111" : "000000";

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Portal.ProblemAsync(await portal.VerifyAsync(challengeId, wrong), HttpStatusCode.BadRequest, "invalid-code");
        }

        await Portal.ProblemAsync(await portal.VerifyAsync(challengeId, code), HttpStatusCode.BadRequest, "invalid-code");
    }

    [Theory]
    [InlineData("nonsense")]
    [InlineData("dXNlcg.forged-secret")]
    public async Task A3_An_unknown_or_forged_challenge_opens_nothing(string challengeId)
    {
        await Portal.ProblemAsync(await portal.SendAsync(challengeId), HttpStatusCode.NotFound, "challenge-not-found");
        await Portal.ProblemAsync(await portal.VerifyAsync(challengeId, "123456"), HttpStatusCode.BadRequest, "invalid-code");
    }

    [Fact]
    public async Task A3_Only_the_devices_the_sign_in_offered_can_receive_a_code()
    {
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId, phone: null);
        var challengeId = await portal.ChallengeAsync(userId);

        await Portal.ProblemAsync(await portal.SendAsync(challengeId, "sms"), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A6_A_token_for_one_person_reads_only_that_person()
    {
        var ann = Portal.NewUserId("ann");
        var bob = Portal.NewUserId("bob");
        using var annClient = await portal.SignedInAsync(ann);
        using var bobClient = await portal.SignedInAsync(bob);

        Assert.Equal(ann, (await annClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString());
        Assert.Equal(bob, (await bobClient.GetFromJsonAsync<JsonElement>("/api/me")).GetProperty("userId").GetString());
        using var anonymous = api.Anonymous();
        await Portal.ProblemAsync(await anonymous.GetAsync("/api/me"), HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task A5_No_password_hash_or_code_appears_in_any_log_line()
    {
        var userId = Portal.NewUserId();
        const string password = "Secret-Never-Logged-7";
        await portal.CreateAsync(userId, password: password);
        await portal.SignInAsync(userId, "Wrong-Secret-Never-Logged-8");
        var challengeId = (await (await portal.SignInAsync(userId, password)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("challengeId").GetString()!;
        await portal.SendAsync(challengeId);
        var code = await portal.CodeSentToAsync(Portal.EmailOf(userId));
        await portal.VerifyAsync(challengeId, code == "000000" ? "111111" : "000000");
        Assert.Equal(HttpStatusCode.OK, (await portal.VerifyAsync(challengeId, code)).StatusCode);
        await Task.Delay(TimeSpan.FromSeconds(1));

        var logs = api.Logs.GetSnapshot().Select(Line).ToList();
        Assert.NotEmpty(logs);
        Assert.DoesNotContain(logs, line => line.Contains("Never-Logged", StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains(code, StringComparison.Ordinal));
        Assert.DoesNotContain(logs, line => line.Contains("AQAAAA", StringComparison.Ordinal)); // ASP.NET Core Identity v3 hashes start so
    }

    /// <summary>All a log record says: its message, its properties and its exception.</summary>
    private static string Line(FakeLogRecord record) =>
        $"{record.Level} {record.Category}: {record.Message} [{string.Join(";", record.StructuredState?.Select(p => $"{p.Key}={p.Value}") ?? [])}] {record.Exception}";

    private static Dictionary<string, string> Without(JsonElement problem, string property) =>
        problem.EnumerateObject().Where(p => p.Name != property).ToDictionary(p => p.Name, p => p.Value.ToString());
}
