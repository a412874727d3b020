using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Access;

/// <summary>The seed's connect-to-an-organization journey over HTTP (A-20 … A-30).</summary>
[Collection(EmbeddedApiCollection.Name)]
public sealed class AccessApiTests(ApiFixture api)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A22_A23_A27_First_Security_Official_approved_then_a_Staff_User_pending_then_approved()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (samId, sam) = await world.SecurityOfficialAsync();
        var (annId, ann) = await world.PersonAsync("ann");

        var pending = await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" });
        Assert.Equal("pending", pending.GetProperty("status").GetString());
        var requestId = pending.GetProperty("requestId").GetString();

        var list = await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending");
        var item = Assert.Single(list.EnumerateArray());
        Assert.Equal((requestId, annId, "staff-user"), (item.GetProperty("requestId").GetString(), item.GetProperty("userId").GetString(), item.GetProperty("role").GetString()));
        await Eventually.HoldsAsync(
            async () => (await sam.GetFromJsonAsync<JsonElement>("/api/me/notifications")).GetProperty("items").EnumerateArray()
                .Any(n => n.GetProperty("subject").GetString()!.Contains("a new request to connect to", StringComparison.Ordinal)),
            Patience, () => "A-23: the Security Official is told on screen");

        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null)).StatusCode);

        JsonElement mine = default;
        await Eventually.HoldsAsync(
            async () => (mine = await ann.GetFromJsonAsync<JsonElement>("/api/me/organizations")).GetProperty("practices").GetArrayLength() == 1,
            Patience, () => "the approved role reaches the person's projection");
        var practice = mine.GetProperty("practices")[0];
        Assert.Equal((world.Tin, world.Name, "staff-user", 2), (practice.GetProperty("orgId").GetString(), practice.GetProperty("name").GetString(),
            practice.GetProperty("role").GetString(), practice.GetProperty("connectedUsers").GetInt32()));
        Assert.Equal(0, mine.GetProperty("apmEntities").GetArrayLength());

        var permissions = await ann.GetFromJsonAsync<JsonElement>($"/api/me/permissions?orgType=practice&orgId={world.Tin}");
        Assert.Equal("staff-user", permissions.GetProperty("role").GetString());
        Assert.DoesNotContain("manage-access", permissions.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var users = await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/users");
        Assert.Equal([annId, samId], users.EnumerateArray().Select(u => u.GetProperty("userId").GetString()).Order());

        JsonElement audit = default;
        await Eventually.HoldsAsync(
            async () => (audit = await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/audit")).GetArrayLength() == 3,
            Patience, () => "A-30: grant, request and approval are in the audit trail");
        Assert.Equal(["access-approved", "access-requested", "access-approved"], audit.EnumerateArray().Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(samId, audit[0].GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A27_A_denied_person_sees_it_and_may_ask_again()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, bob) = await world.PersonAsync("bob");
        var first = (await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        Assert.Equal(HttpStatusCode.NoContent, (await sam.PostAsJsonAsync($"{world.Base}/access-requests/{first}/deny", new { reason = "Not our staff" })).StatusCode);
        await Portal.ProblemAsync(await sam.PostAsync($"{world.Base}/access-requests/{first}/approve", null), HttpStatusCode.Conflict, "request-not-pending");

        await Eventually.HoldsAsync(
            async () => (await bob.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).EnumerateArray()
                .Any(r => r.GetProperty("requestId").GetString() == first && r.GetProperty("status").GetString() == "denied"),
            Patience, () => "the denial reaches the person's request list");
        Assert.Equal("Not our staff", (await bob.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).EnumerateArray()
            .Single(r => r.GetProperty("requestId").GetString() == first).GetProperty("reason").GetString());
        var again = await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "staff-user" });
        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.NotEqual(first, again.GetProperty("requestId").GetString());
    }

    [Fact]
    public async Task A24_Up_to_25_practices_each_with_its_own_outcome_26_is_a_400_and_other_types_one_at_a_time()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, person) = await world.PersonAsync("many");
        var items = Enumerable.Range(0, 24).Select(i => (object)new { orgId = $"7{i:D2}{Random.Shared.Next(100_000, 999_999)}", role = "staff-user" })
            .Append(world.FirstSecurityOfficialItem()).ToArray();

        var response = await person.PostAsJsonAsync("/api/access-requests", new { orgType = "practice", items });
        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(25, results.Count);
        Assert.Equal("approved", results[24].GetProperty("status").GetString());
        Assert.All(results.Take(24), r => Assert.Equal("security-official-required", r.GetProperty("code").GetString()));

        var tooMany = items.Append(new { orgId = "123456789", role = "staff-user" }).ToArray();
        var problem = await Portal.ProblemAsync(await person.PostAsJsonAsync("/api/access-requests", new { orgType = "practice", items = tooMany }), HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty("items", out _));
        await Portal.ProblemAsync(await person.PostAsJsonAsync("/api/access-requests", new
        {
            orgType = "registry", items = new[] { new { orgId = "45-2343", role = "staff-user" }, new { orgId = "45-2344", role = "staff-user" } },
        }), HttpStatusCode.BadRequest, "validation-failed");
        await Portal.ProblemAsync(await person.PostAsJsonAsync("/api/access-requests", new { orgType = "practice", items = Array.Empty<object>() }), HttpStatusCode.BadRequest, "validation-failed");
    }

    [Fact]
    public async Task A25_Validation_values_no_identifier_can_be_are_a_400_naming_the_field_and_count_as_no_attempt()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, person) = await world.PersonAsync("vals");
        var tins = string.Join(',', Enumerable.Repeat("\"TIN\"", 11));
        (string Validation, string Field)[] cases =
        [
            ("""{"tin":"TIN","npi":"NPI","ptan":"PTAN","vendorId":"123456789012345678901"}""", "vendorId"),
            ("""{"tin":"TIN000000000000000000","npi":"NPI","ptan":"PTAN"}""", "tin"),
            ("""{"tin":"TIN","npi":"NPI\u0007","ptan":"PTAN"}""", "npi"),
            ("""{"tin":"TIN","npi":"NPI","ptan":"\u0085PTAN"}""", "ptan"),
            ("""{"tin":"TIN","npi":"NPI","ptan":"PTAN\u0085"}""", "ptan"),
            ("""{"tins":["TIN",null]}""", "tins"),
            ("""{"tins":["TIN","TIN\u001b"]}""", "tins[1]"),
            ($$"""{"tins":[{{tins}}]}""", "tins"),
        ];

        foreach (var (validation, field) in cases)
        {
            var values = validation.Replace("TIN", world.Tin, StringComparison.Ordinal).Replace("NPI", world.Npi, StringComparison.Ordinal)
                .Replace("PTAN", world.Ptan, StringComparison.Ordinal);
            var body = $$"""{"orgType":"practice","items":[{"orgId":"{{world.Tin}}","role":"security-official","validation":{{values}}}]}""";
            var response = await person.SendTextAsync(HttpMethod.Post, "/api/access-requests", body);

            var problem = await Portal.ProblemAsync(response, HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty($"items[0].validation.{field}", out _), $"{validation}: {problem}");
        }

        Assert.Equal(0, (await person.GetFromJsonAsync<JsonElement>("/api/me/access-requests")).GetArrayLength());
        var result = await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem());
        Assert.Equal("approved", result.GetProperty("status").GetString());
    }

    [Fact]
    public async Task A27_A_deny_reason_or_a_Service_Center_note_with_a_control_character_even_one_trimming_drops_is_a_400()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, bob) = await world.PersonAsync("nel");
        var requestId = (await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        foreach (var reason in new[] { "Not our staff\u0085", "\u0085Not our staff", "Not\u0000ours" })
        {
            var problem = await Portal.ProblemAsync(await sam.PostAsJsonAsync($"{world.Base}/access-requests/{requestId}/deny", new { reason }), HttpStatusCode.BadRequest, "validation-failed");
            Assert.True(problem.GetProperty("errors").TryGetProperty("reason", out _));
        }

        var pending = await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending");
        Assert.Equal(requestId, Assert.Single(pending.EnumerateArray()).GetProperty("requestId").GetString());

        // The note is checked before the request is looked for: this one does not exist, and the answer is still the 400.
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var note = await Portal.ProblemAsync(
            await operatorClient.PostAsJsonAsync($"/api/admin/service-center/requests/{Guid.NewGuid():N}/resolve", new { outcome = "deny", note = "Called\u0007back" }),
            HttpStatusCode.BadRequest, "validation-failed");
        Assert.True(note.GetProperty("errors").TryGetProperty("note", out _));
    }

    [Fact]
    public async Task A25_A_badly_formatted_TIN_gets_the_seed_s_message_for_that_practice_only()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, person) = await world.PersonAsync("fmt");

        var response = await person.PostAsJsonAsync("/api/access-requests", new
        {
            orgType = "practice", items = new object[] { new { orgId = "12-3456789", role = "staff-user" }, world.FirstSecurityOfficialItem() },
        });

        var results = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results");
        Assert.Equal("One or more of the provided TINs is improperly formatted.", results[0].GetProperty("message").GetString());
        Assert.Equal("approved", results[1].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A26_Three_bad_PTANs_send_the_request_to_the_Service_Center_which_resolves_it()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (userId, person) = await world.PersonAsync("ptan");

        var codes = new List<string?>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            codes.Add((await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem(ptan: "WRONG1"))).GetProperty("code").GetString());
        }

        Assert.Equal(["tin-ptan-mismatch", "tin-ptan-mismatch", "attempt-limit", "attempt-limit"], codes);
        var refused = await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem());
        Assert.Equal("attempt-limit", refused.GetProperty("code").GetString());
        Assert.StartsWith("We have attempted to complete your request three times.", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        JsonElement item = default;
        await Eventually.HoldsAsync(
            async () => (await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/service-center/requests")).EnumerateArray()
                .Any(r => (item = r).GetProperty("userId").GetString() == userId && r.GetProperty("orgId").GetString() == world.Tin),
            Patience, () => "the escalation reaches the Service Center queue");
        var id = item.GetProperty("requestId").GetString();

        await Portal.ProblemAsync(await person.PostAsJsonAsync($"/api/admin/service-center/requests/{id}/resolve", new { outcome = "approve" }), HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PostAsJsonAsync($"/api/admin/service-center/requests/{id}/resolve", new { outcome = "approve", note = "Verified by phone" })).StatusCode);
        await Portal.ProblemAsync(await operatorClient.PostAsJsonAsync($"/api/admin/service-center/requests/{id}/resolve", new { outcome = "approve" }), HttpStatusCode.Conflict, "already-resolved");

        // Resolved requests leave the open queue for the archive, listed newest first and paged.
        Assert.DoesNotContain((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/service-center/requests")).EnumerateArray(),
            r => r.GetProperty("requestId").GetString() == id);
        var resolved = await operatorClient.GetAsync("/api/admin/service-center/requests?status=resolved&pageSize=200");
        Assert.True(int.Parse(resolved.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        var archived = (await resolved.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Single(r => r.GetProperty("requestId").GetString() == id);
        Assert.Equal(("resolved", ApiFixture.Operator), (archived.GetProperty("status").GetString(), archived.GetProperty("resolvedBy").GetString()));

        var permissions = await person.GetFromJsonAsync<JsonElement>($"/api/me/permissions?orgType=practice&orgId={world.Tin}");
        Assert.Equal("security-official", permissions.GetProperty("role").GetString());
        Assert.Contains("manage-access", permissions.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A27_The_last_Security_Official_cannot_leave_but_the_Service_Center_can_change_and_remove_roles()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (samId, sam) = await world.SecurityOfficialAsync();
        var (annId, ann) = await world.PersonAsync("ann");
        var requestId = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        await sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null);

        await Portal.ProblemAsync(await sam.DeleteAsync($"{world.Base}/users/{samId}"), HttpStatusCode.Conflict, "last-security-official");

        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.PutAsJsonAsync($"/api/admin/organizations/practice/{world.Tin}/users/{annId}/role", new { role = "security-official" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await sam.DeleteAsync($"{world.Base}/users/{samId}")).StatusCode);
        await Portal.ProblemAsync(await ann.DeleteAsync($"{world.Base}/users/{annId}"), HttpStatusCode.Conflict, "last-security-official");
        Assert.Equal(HttpStatusCode.NoContent, (await operatorClient.DeleteAsync($"/api/admin/organizations/practice/{world.Tin}/users/{annId}")).StatusCode);
        await Portal.ProblemAsync(await operatorClient.DeleteAsync($"/api/admin/organizations/practice/{world.Tin}/users/{annId}"), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await ann.GetAsync($"/api/me/permissions?orgType=practice&orgId={world.Tin}"), HttpStatusCode.NotFound, "not-found");
        await Portal.ProblemAsync(await sam.PutAsJsonAsync($"/api/admin/organizations/practice/{world.Tin}/users/{annId}/role", new { role = "security-official" }), HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task A20_A_user_of_one_organization_gets_404_on_another_s_and_a_staff_user_403()
    {
        var mine = new AccessWorld(api);
        var theirs = new AccessWorld(api);
        await mine.ImportAsync();
        await theirs.ImportAsync();
        var (_, stranger) = await mine.SecurityOfficialAsync();
        var (_, owner) = await theirs.SecurityOfficialAsync();
        var (staffId, staff) = await theirs.PersonAsync("staff");
        var requestId = (await AccessWorld.RequestAsync(staff, "practice", new { orgId = theirs.Tin, role = "staff-user" })).GetProperty("requestId").GetString();
        await owner.PostAsync($"{theirs.Base}/access-requests/{requestId}/approve", null);
        var (_, third) = await theirs.PersonAsync("third");
        var pendingId = (await AccessWorld.RequestAsync(third, "practice", new { orgId = theirs.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        foreach (var (client, status, code) in new[] { (stranger, HttpStatusCode.NotFound, "not-found"), (staff, HttpStatusCode.Forbidden, "forbidden") })
        {
            await Portal.ProblemAsync(await client.GetAsync($"{theirs.Base}/access-requests?status=pending"), status, code);
            await Portal.ProblemAsync(await client.GetAsync($"{theirs.Base}/users"), status, code);
            await Portal.ProblemAsync(await client.GetAsync($"{theirs.Base}/audit"), status, code);
            await Portal.ProblemAsync(await client.PostAsync($"{theirs.Base}/access-requests/{pendingId}/approve", null), status, code);
            await Portal.ProblemAsync(await client.PostAsync($"{theirs.Base}/access-requests/{pendingId}/deny", null), status, code);
            await Portal.ProblemAsync(await client.DeleteAsync($"{theirs.Base}/users/{staffId}"), status, code);
        }

        await Portal.ProblemAsync(await stranger.GetAsync($"/api/me/permissions?orgType=practice&orgId={theirs.Tin}"), HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/api/me/permissions?orgType=practice&orgId={theirs.Tin}")).StatusCode);
        Assert.Single((await owner.GetFromJsonAsync<JsonElement>($"{theirs.Base}/access-requests?status=pending")).EnumerateArray());
    }

    [Fact]
    public async Task A27_A30_Two_Security_Officials_approving_the_same_request_at_once_make_one_approval_and_one_audit_entry()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, bob) = await world.PersonAsync("bob");
        var bobRequest = (await AccessWorld.RequestAsync(bob, "practice", new { orgId = world.Tin, role = "security-official" })).GetProperty("requestId").GetString();
        await sam.PostAsync($"{world.Base}/access-requests/{bobRequest}/approve", null);
        var (_, ann) = await world.PersonAsync("ann");
        var requestId = (await AccessWorld.RequestAsync(ann, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("requestId").GetString();

        var answers = await Task.WhenAll(
            sam.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null),
            bob.PostAsync($"{world.Base}/access-requests/{requestId}/approve", null));

        Assert.Equal([HttpStatusCode.NoContent, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        await Task.Delay(TimeSpan.FromSeconds(1));
        JsonElement audit = default;
        await Eventually.HoldsAsync(
            async () => (audit = await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/audit")).GetArrayLength() >= 5,
            Patience, () => "five changes in the audit trail");
        Assert.Single(audit.EnumerateArray(), a => a.GetProperty("action").GetString() == "access-approved" && a.GetProperty("details").GetString()!.Contains(requestId!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Idempotency_Key_returns_the_first_result_and_creates_nothing_new()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var (_, ann) = await world.PersonAsync("ann");
        var key = Guid.NewGuid().ToString();
        var body = new { orgType = "practice", items = new[] { new { orgId = world.Tin, role = "staff-user" } } };

        async Task<HttpResponseMessage> SendAsync(object content)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/access-requests") { Content = JsonContent.Create(content) };
            request.Headers.Add("Idempotency-Key", key);
            return await ann.SendAsync(request);
        }

        var first = await (await SendAsync(body)).Content.ReadFromJsonAsync<JsonElement>();
        var second = await (await SendAsync(body)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.ToString(), second.ToString());
        Assert.Single((await sam.GetFromJsonAsync<JsonElement>($"{world.Base}/access-requests?status=pending")).EnumerateArray());
        await Portal.ProblemAsync(await SendAsync(new { orgType = "practice", items = new[] { new { orgId = world.Tin, role = "security-official" } } }),
            HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
    }

    [Fact]
    public async Task A29_A_clinician_connects_to_their_own_NPI_and_A15_an_SSP_ACO_is_sent_to_ACO_MS()
    {
        var world = new AccessWorld(api);
        var aco = $"A{Random.Shared.Next(1000, 9999)}";
        await world.ImportAsync($$"""{"kind":"apm-entity","apmModel":"ssp","entityId":"{{aco}}","name":"Shared Savings ACO","participants":[{"tin":"{{world.Tin}}"}]}""");
        var (_, clinician) = await world.PersonAsync("npi");

        var wrong = await AccessWorld.RequestAsync(clinician, "practice", new { orgId = world.Npi, role = "clinician", validation = new { npi = world.Npi, ptan = "ZZ0000" } });
        var right = await AccessWorld.RequestAsync(clinician, "practice", new { orgId = world.Npi, role = "clinician", validation = new { npi = world.Npi, ptan = world.Ptan } });
        var ssp = await AccessWorld.RequestAsync(clinician, "apm-entity", new { orgId = aco, role = "security-official", validation = new { tins = new[] { world.Tin } } });

        Assert.Equal("tin-ptan-mismatch", wrong.GetProperty("code").GetString());
        Assert.Equal("approved", right.GetProperty("status").GetString());
        Assert.Equal("aco-ms", ssp.GetProperty("code").GetString());
        await Portal.ProblemAsync(await clinician.PostAsJsonAsync("/api/access-requests", new
        {
            orgType = "registry", items = new[] { new { orgId = "45-2343", role = "clinician" } },
        }), HttpStatusCode.BadRequest, "validation-failed");
    }
}
