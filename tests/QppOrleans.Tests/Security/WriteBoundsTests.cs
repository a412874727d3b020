using System.Net;
using System.Net.Http.Json;
using Microsoft.Data.Sqlite;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Security;

/// <summary>What one account can make the service store or send is bounded: a clear 4xx, nothing stored.</summary>
public sealed class WriteBoundsTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    [Fact]
    public async Task A23_A_person_with_twenty_requests_waiting_is_refused_more_and_nothing_is_stored()
    {
        var worlds = Enumerable.Range(0, 21).Select(_ => new AccessWorld(api)).ToList();
        HttpClient lastSecurityOfficial = null!;
        foreach (var world in worlds)
        {
            await world.ImportAsync();
            (_, lastSecurityOfficial) = await world.SecurityOfficialAsync();
        }

        var (_, asker) = await worlds[0].PersonAsync("asker");
        foreach (var world in worlds.Take(20))
        {
            Assert.Equal("pending", (await AccessWorld.RequestAsync(asker, "practice", new { orgId = world.Tin, role = "staff-user" })).GetProperty("status").GetString());
        }

        await Eventually.HoldsAsync(
            async () => (await asker.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/me/access-requests")).GetArrayLength() == 20,
            TimeSpan.FromSeconds(20), () => "the person's twenty requests to be projected");

        var refused = await asker.PostAsJsonAsync("/api/access-requests", new { orgType = "practice", items = new[] { new { orgId = worlds[20].Tin, role = "staff-user" } } });
        var problem = await Portal.ProblemAsync(refused, HttpStatusCode.Conflict, "too-many-open-requests");
        Assert.Contains("20 requests waiting", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, (await lastSecurityOfficial.GetFromJsonAsync<System.Text.Json.JsonElement>($"{worlds[20].Base}/access-requests?status=pending")).GetArrayLength());
    }

    [Fact]
    public async Task A26_Requests_for_organizations_the_directory_does_not_have_store_nothing_and_never_reach_the_Service_Center()
    {
        var world = new AccessWorld(api);
        var (_, person) = await world.PersonAsync("inventor");

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var answer = await AccessRetryAsync(person, world);
            Assert.NotEqual("attempt-limit", answer.GetProperty("code").GetString());
        }

        Assert.Equal(0, Rows($"practice/{world.Tin}", "organization"));

        // Once the practice is in the directory, a wrong PTAN is an attempt like any other.
        await world.ImportAsync();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            Assert.Equal("tin-ptan-mismatch", (await AccessRetryAsync(person, world)).GetProperty("code").GetString());
        }

        Assert.Equal("attempt-limit", (await AccessRetryAsync(person, world)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task A4_A_wrong_password_stores_nothing_whether_or_not_the_id_exists()
    {
        var portal = new Portal(api.BaseAddress);
        var userId = Portal.NewUserId();
        await portal.CreateAsync(userId);
        var before = Version($"user:{userId}", "user");

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Portal.ProblemAsync(await portal.SignInAsync(userId, "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
            await Portal.ProblemAsync(await portal.SignInAsync(Portal.NewUserId("nobody"), "Wrong-Password-99"), HttpStatusCode.Unauthorized, "invalid-credentials");
        }

        // The same work for both: a slow hash and a count in memory, no write (a write was what told a known id apart).
        Assert.Equal(before, Version($"user:{userId}", "user"));
        Assert.Equal(HttpStatusCode.OK, (await portal.SignInAsync(userId)).StatusCode);
        Assert.NotEqual(before, Version($"user:{userId}", "user"));
    }

    [Theory]
    [InlineData("/api/me/access-requests?page=0")]
    [InlineData("/api/me/audit?pageSize=201")]
    [InlineData("/api/me/access-requests?pageSize=0")]
    public async Task Lists_that_can_grow_are_paged_and_a_page_out_of_range_is_a_400(string path)
    {
        using var person = api.SignedIn(Portal.NewUserId("pager"));

        await Portal.ProblemAsync(await person.GetAsync(path), HttpStatusCode.BadRequest, "validation-failed");
        var page = await person.GetAsync("/api/me/access-requests?page=1&pageSize=5");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("0", page.Headers.GetValues("X-Total-Count").Single());
    }

    private long Version(string key, string stateName)
    {
        using var connection = new SqliteConnection($"Data Source={api.DataFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT version FROM qpp_grain_state WHERE state_name = $state AND grain_id_string LIKE $key";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", $"%{key}");
        return (long)command.ExecuteScalar()!;
    }

    private static async Task<System.Text.Json.JsonElement> AccessRetryAsync(HttpClient person, AccessWorld world) =>
        await AccessWorld.RequestAsync(person, "practice", world.FirstSecurityOfficialItem(ptan: "WRONG1"));

    /// <summary>Stored grain rows of the state whose key ends with <paramref name="key"/>.</summary>
    private long Rows(string key, string stateName)
    {
        using var connection = new SqliteConnection($"Data Source={api.DataFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM qpp_grain_state WHERE state_name = $state AND grain_id_string LIKE $key";
        command.Parameters.AddWithValue("$state", stateName);
        command.Parameters.AddWithValue("$key", $"%{key}");
        return (long)command.ExecuteScalar()!;
    }
}
