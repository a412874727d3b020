using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Api.Access;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Registration;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Registration;

/// <summary>The seed's registration walkthrough over HTTP (R-1 … R-14), in the Development demo year 2026 whose window is open.</summary>
public abstract class RegistrationApiContract(ApiFixture api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task R1_R3_R9_R11_R12_The_seed_s_walkthrough_from_size_to_registering_again_with_one_registration_id()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var @base = $"/api/registrations/2026/practice/{world.Tin}";

        var fresh = await sam.GetAsync(@base);
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        Assert.NotNull(fresh.Headers.ETag);
        var record = await fresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(world.Name, record.GetProperty("organization").GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, record.GetProperty("size").ValueKind);
        Assert.Equal(0, record.GetProperty("contacts").GetArrayLength());
        Assert.Equal("Ann", record.GetProperty("contactDraft").GetProperty("firstName").GetString());

        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"{@base}/size", new { size = "25-99" })).StatusCode);
        await Portal.ProblemAsync(await sam.PostAsync($"{@base}/programs/web-interface", null), HttpStatusCode.Conflict, "incomplete");
        Assert.Equal(HttpStatusCode.OK, (await sam.PutAsJsonAsync($"{@base}/organization", new { name = world.Name, address1 = "123 Better Health Way", city = "Baltimore", state = "MD", zip = "21239" })).StatusCode);
        var contact = await sam.PostAsJsonAsync($"{@base}/contacts", new { firstName = "Jane", lastName = "Doe", email = $"jane-{world.Tin}@example.org", phone = "111-222-3344" });
        Assert.Equal(HttpStatusCode.Created, contact.StatusCode);
        var contactId = (await contact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString();

        var webInterface = await sam.PostAsync($"{@base}/programs/web-interface", null);
        Assert.Equal(HttpStatusCode.OK, webInterface.StatusCode);
        var registrationId = (await webInterface.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationId").GetString()!;
        Assert.Matches("^[0-9]{6,}$", registrationId);
        var cahps = await sam.PostAsync($"{@base}/programs/cahps", null);
        Assert.Equal(registrationId, (await cahps.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationId").GetString());
        await Portal.ProblemAsync(await sam.PostAsync($"{@base}/programs/cahps", null), HttpStatusCode.Conflict, "already-registered");

        var warning = await Portal.ProblemAsync(await sam.PutAsJsonAsync($"{@base}/size", new { size = "2-24" }), HttpStatusCode.Conflict, "confirmation-required");
        Assert.StartsWith("You have chosen a new group size that doesn't qualify you to participate in CMS Web Interface.", warning.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var smaller = await (await sam.PutAsJsonAsync($"{@base}/size", new { size = "2-24", confirm = true })).Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(smaller.GetProperty("webInterface").GetProperty("registered").GetBoolean());
        Assert.True(smaller.GetProperty("cahps").GetProperty("registered").GetBoolean());

        await Portal.ProblemAsync(await sam.DeleteAsync($"{@base}/programs/cahps"), HttpStatusCode.Conflict, "confirmation-required");
        Assert.Equal(HttpStatusCode.OK, (await sam.DeleteAsync($"{@base}/programs/cahps?confirm=true")).StatusCode);
        var again = await sam.PostAsync($"{@base}/programs/cahps", null);
        Assert.Equal(registrationId, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("registrationId").GetString());

        await Portal.ProblemAsync(await sam.DeleteAsync($"{@base}/contacts/{contactId}"), HttpStatusCode.Conflict, "last-contact");

        JsonElement mail = default;
        await Eventually.HoldsAsync(
            async () => (mail = await sam.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to=jane-{world.Tin}@example.org")).GetArrayLength() >= 5,
            Patience, () => "R-9: the contact hears of each submission, modification and cancellation");
        Assert.All(mail.EnumerateArray(), m => Assert.Contains($"Registration ID: {registrationId}", m.GetProperty("body").GetString(), StringComparison.Ordinal));

        var history = await sam.GetFromJsonAsync<JsonElement>($"{@base}/history");
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("action").GetString() == "cancelled" && h.GetProperty("role").GetString() == "security-official");

        var overview = await sam.GetFromJsonAsync<JsonElement>("/api/registrations/2026");
        Assert.Equal(1, overview.GetProperty("total").GetInt32());
        var item = overview.GetProperty("organizations")[0];
        Assert.Equal((world.Tin, "2-24", registrationId), (item.GetProperty("orgId").GetString(), item.GetProperty("size").GetString(), item.GetProperty("registrationId").GetString()));
        Assert.False(item.GetProperty("webInterface").GetProperty("registered").GetBoolean());
        Assert.True(item.GetProperty("cahps").GetProperty("registered").GetBoolean());

        JsonElement organizations = default;
        await Eventually.HoldsAsync(
            async () => (organizations = await sam.GetFromJsonAsync<JsonElement>("/api/me/organizations")).GetProperty("practices").GetArrayLength() == 1,
            Patience, () => "the practice is listed");
        var status = organizations.GetProperty("practices")[0].GetProperty("registration");
        Assert.Equal(2026, status.GetProperty("performanceYear").GetInt32());
        Assert.Equal(registrationId, status.GetProperty("cahps").GetProperty("registrationId").GetString());
    }

    [Fact]
    public async Task R1_A_staff_user_reads_but_cannot_write_and_a_stranger_sees_nothing()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, staff) = await world.PersonAsync("staff");
        var requestId = (await AccessWorld.RequestAsync(staff, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        await sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null);
        var (_, stranger) = await world.PersonAsync("stranger");
        var @base = $"/api/registrations/2026/practice/{world.Tin}";

        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync(@base)).StatusCode);
        await Portal.ProblemAsync(await staff.PutAsJsonAsync($"{@base}/size", new { size = "25-99" }), HttpStatusCode.Forbidden, "forbidden");
        await Portal.ProblemAsync(await staff.PostAsJsonAsync($"{@base}/contacts", new { firstName = "J", lastName = "D", email = "j@example.org", phone = "4105550123" }), HttpStatusCode.Forbidden, "forbidden");
        await Portal.ProblemAsync(await stranger.GetAsync(@base), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await stranger.PutAsJsonAsync($"{@base}/size", new { size = "25-99" }), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await stranger.GetAsync($"{@base}/history"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(0, (await stranger.GetFromJsonAsync<JsonElement>("/api/registrations/2026")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task R2_Outside_its_window_a_year_cannot_be_changed_but_can_be_read()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var closed = $"/api/registrations/2021/practice/{world.Tin}";

        var problem = await Portal.ProblemAsync(await sam.PutAsJsonAsync($"{closed}/size", new { size = "25-99" }), HttpStatusCode.Conflict, "registration-closed");
        Assert.Contains("2021", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await sam.GetAsync(closed)).StatusCode);
        await Portal.ProblemAsync(await sam.GetAsync($"/api/registrations/1999/practice/{world.Tin}"), HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task Stale_If_Match_is_412_and_a_repeated_Idempotency_Key_adds_one_contact()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var @base = $"/api/registrations/2026/practice/{world.Tin}";
        var etag = (await sam.GetAsync(@base)).Headers.ETag!.Tag;
        await sam.PutAsJsonAsync($"{@base}/size", new { size = "25-99" });

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"{@base}/size") { Content = JsonContent.Create(new { size = "100+" }) };
        stale.Headers.TryAddWithoutValidation("If-Match", etag);
        await Portal.ProblemAsync(await sam.SendAsync(stale), HttpStatusCode.PreconditionFailed, "precondition-failed");
        foreach (var neverIssued in new[] { "\"abc\"", "garbage", "\"-5\"", "W/\"\"" })
        {
            using var unknown = new HttpRequestMessage(HttpMethod.Put, $"{@base}/size") { Content = JsonContent.Create(new { size = "100+" }) };
            unknown.Headers.TryAddWithoutValidation("If-Match", neverIssued);
            await Portal.ProblemAsync(await sam.SendAsync(unknown), HttpStatusCode.PreconditionFailed, "precondition-failed");
        }

        Assert.Equal("25-99", (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("size").GetString());

        var key = Guid.NewGuid().ToString();
        var ids = new List<string?>();
        for (var i = 0; i < 2; i++)
        {
            using var add = new HttpRequestMessage(HttpMethod.Post, $"{@base}/contacts")
            {
                Content = JsonContent.Create(new { firstName = "Jane", lastName = "Doe", email = "jane@example.org", phone = "4105550123" }),
            };
            add.Headers.Add("Idempotency-Key", key);
            var response = await sam.SendAsync(add);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString());
        }

        Assert.Equal(ids[0], ids[1]);
        Assert.Equal(1, (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("contacts").GetArrayLength());
    }

    [Fact]
    public async Task R6_A_contact_whose_Idempotency_Key_answer_was_lost_is_not_created_again_by_the_retry()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (userId, sam) = await world.SecurityOfficialAsync();
        var @base = $"/api/registrations/2026/practice/{world.Tin}";
        var key = Guid.NewGuid().ToString();
        var body = new { firstName = "Jane", lastName = "Doe", email = "jane@example.org", phone = "4105550123" };

        // The first request's write reached the registration; its answer and the API's record of the
        // key did not (the API process died in between), so the retry finds no claim for the key.
        var registration = api.Grains.GetGrain<IRegistrationGrain>(GrainKeys.Registration(2026, "practice", world.Tin));
        var first = await registration.AddContactAsync(userId, new ContactInput("Jane", "Doe", "jane@example.org", "4105550123", null), null, IdempotentRequests.RequestKey(userId, key));
        Assert.Null(first.Refusal);

        async Task<HttpResponseMessage> PostAsync(string idempotencyKey, string? ifMatch)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{@base}/contacts") { Content = JsonContent.Create(body) };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            if (ifMatch is not null)
            {
                request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
            }

            return await sam.SendAsync(request);
        }

        // The retry carries the If-Match the first request was sent with, already stale.
        var retry = await PostAsync(key, $"\"{first.View!.Version - 1}\"");
        Assert.Equal(HttpStatusCode.Created, retry.StatusCode);
        Assert.Equal(first.CreatedId, (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString());
        Assert.Equal(1, (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("contacts").GetArrayLength());

        // Another key is another contact.
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(Guid.NewGuid().ToString(), null)).StatusCode);
        Assert.Equal(2, (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("contacts").GetArrayLength());
    }

    [Theory]
    [InlineData("size", """{"size":"1-5"}""", "size")]
    [InlineData("organization", """{"name":"X","address1":"1 Main","city":"B","state":"Maryland","zip":"21239"}""", "state")]
    [InlineData("contacts", """{"firstName":"J","lastName":"D","email":"j@example.org","phone":"555-0123"}""", "phone")]
    [InlineData("contacts", """{"firstName":"J","lastName":"D","email":"not-email","phone":"4105550123"}""", "email")]
    public async Task Bad_registration_input_is_a_400_naming_the_field(string path, string json, string field)
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var url = $"/api/registrations/2026/practice/{world.Tin}/{path}";

        var response = await sam.SendTextAsync(path == "contacts" ? HttpMethod.Post : HttpMethod.Put, url, json);

        var problem = await Portal.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task R10_R13_Operators_import_automatic_registrations_and_sampling_results()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var @base = $"/api/registrations/2026/practice/{world.Tin}";
        await sam.PostAsJsonAsync($"{@base}/contacts", new { firstName = "Jane", lastName = "Doe", email = $"auto-{world.Tin}@example.org", phone = "4105550123" });

        var auto = $$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["web-interface","cahps"],"reason":"ssp-aco"}""" + "\n" +
            """{"orgType":"registry","orgId":"45-2343","programs":["cahps"],"reason":"ssp-aco"}""" + "\n" +
            $$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["mips"],"reason":"ssp-aco"}""" + "\n" +
            """{"orgType":"practice","orgId":"\ud800","programs":["cahps"],"reason":"ssp-aco"}""" + "\n" +
            $$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["\udfff"],"reason":"\ud800"}""" + "\n" +
            $$"""{"orgType":"practice","orgId":"{{world.Tin}}","programs":["cahps"],"programs":["web-interface"],"reason":"ssp-aco"}""";
        var report = await (await operatorClient.PostNdjsonAsync("/api/admin/registrations/2026/auto", auto)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((1, 0, 5), (report.GetProperty("updated").GetInt32(), report.GetProperty("unchanged").GetInt32(), report.GetProperty("rejected").GetInt32()));
        var again = await (await operatorClient.PostNdjsonAsync("/api/admin/registrations/2026/auto", auto.Split('\n')[0])).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, again.GetProperty("unchanged").GetInt32());

        var record = await sam.GetFromJsonAsync<JsonElement>(@base);
        Assert.True(record.GetProperty("webInterface").GetProperty("auto").GetBoolean());
        Assert.True(record.GetProperty("cahps").GetProperty("registered").GetBoolean());

        var sampling = $$"""{"orgType":"practice","orgId":"{{world.Tin}}","webInterfaceAssignedPatients":0,"cahpsSampleMet":false}""";
        var sampled = await (await operatorClient.PostNdjsonAsync("/api/admin/registrations/2026/sampling", sampling)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, sampled.GetProperty("updated").GetInt32());
        var flagged = (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("sampling");
        Assert.True(flagged.GetProperty("webInterfaceFlagged").GetBoolean());
        Assert.True(flagged.GetProperty("cahpsFlagged").GetBoolean());
        await Eventually.HoldsAsync(
            async () => (await sam.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to=auto-{world.Tin}@example.org")).EnumerateArray()
                .Any(m => m.GetProperty("subject").GetString()!.Contains("sampling results", StringComparison.Ordinal)),
            Patience, () => "R-13: the contacts are told");
        var notice = (await sam.GetFromJsonAsync<JsonElement>($"/api/dev/messages?to=auto-{world.Tin}@example.org")).EnumerateArray()
            .First(m => m.GetProperty("subject").GetString()!.Contains("sampling results", StringComparison.Ordinal)).GetProperty("body").GetString()!;
        Assert.Contains("can't submit quality data through the CMS Web Interface", notice, StringComparison.Ordinal);
        Assert.Contains("another collection type", notice, StringComparison.Ordinal);
        Assert.Contains("won't be able to administer the CAHPS for MIPS Survey", notice, StringComparison.Ordinal);
        await Portal.ProblemAsync(await sam.PostNdjsonAsync("/api/admin/registrations/2026/auto", auto), HttpStatusCode.Forbidden, "forbidden");
    }
}

[Collection(EmbeddedApiCollection.Name)]
public sealed class EmbeddedRegistrationApiTests(ApiFixture api) : RegistrationApiContract(api);

[Collection(PostgresApiCollection.Name)]
public sealed class PostgresRegistrationApiTests(PostgresApiFixture api) : RegistrationApiContract(api);
