using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Registration;

/// <summary>100 writers at once on one registration (ten of them adding contacts, the most it holds), on PostgreSQL: the result is a serial order of what was acknowledged.</summary>
[Collection(PostgresApiCollection.Name)]
public sealed class ConcurrentWritersTests(PostgresApiFixture api)
{
    [Fact]
    public async Task R6_R14_One_hundred_concurrent_writes_all_acknowledged_ones_kept_in_one_serial_order()
    {
        var world = new AccessWorld(api);
        await world.ImportAsync();
        var (_, sam) = await world.SecurityOfficialAsync();
        var @base = $"/api/registrations/2026/practice/{world.Tin}";
        string[] sizes = ["2-24", "25-99", "100+"];

        var writes = Enumerable.Range(0, 100).Select(async i =>
        {
            // Ten contacts: as many as a registration holds.
            var response = i % 10 == 0
                ? await sam.PostAsJsonAsync($"{@base}/contacts", new { firstName = $"Writer{i:D3}", lastName = "Doe", email = $"w{i}@example.org", phone = "4105550123" })
                : await sam.PutAsJsonAsync($"{@base}/size", new { size = sizes[i % 3] });
            return (i, response.StatusCode);
        }).ToList();
        var answers = await Task.WhenAll(writes);

        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Created }));
        var record = await sam.GetFromJsonAsync<JsonElement>(@base);
        var contacts = record.GetProperty("contacts").EnumerateArray().ToList();
        Assert.Equal(
            answers.Where(a => a.i % 10 == 0).Select(a => $"Writer{a.i:D3}").Order(),
            contacts.Select(c => c.GetProperty("firstName").GetString()!).Order());
        Assert.Equal(contacts.Count, contacts.Select(c => c.GetProperty("contactId").GetString()).Distinct().Count());

        // The history is the serial order: the last size change in it is the size that stayed.
        var history = (await sam.GetFromJsonAsync<JsonElement>($"{@base}/history?pageSize=200")).EnumerateArray().ToList();
        var lastSize = history.First(h => h.GetProperty("action").GetString() == "size-changed").GetProperty("details").GetString()!;
        Assert.EndsWith($"→ {record.GetProperty("size").GetString()}", lastSize, StringComparison.Ordinal);
        Assert.Equal(10, history.Count(h => h.GetProperty("action").GetString() == "contact-added"));
        var eleventh = await sam.PostAsJsonAsync($"{@base}/contacts", new { firstName = "Eleventh", lastName = "Doe", email = "w11@example.org", phone = "4105550123" });
        Assert.Equal(HttpStatusCode.Conflict, eleventh.StatusCode);
        Assert.Equal(10, (await sam.GetFromJsonAsync<JsonElement>(@base)).GetProperty("contacts").GetArrayLength());

        var stored = await TestPostgres.ScalarAsync<long>(api.ConnectionString,
            "SELECT count(*) FROM qpp_grain_state WHERE state_name = 'registration' AND grain_id_string LIKE '%" + world.Tin + "%'");
        Assert.Equal(1, stored);
    }
}
