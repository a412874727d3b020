using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Security;

/// <summary>The embedded default with the shipped rate limits (not the test fixtures' generous ones).</summary>
public sealed class ShippedLimitsFixture : ApiFixture
{
    protected override int? Permits => null;
}

/// <summary>
/// One account and one client address hammer sign-in, password resets, account creation, access
/// requests and contacts for a minute, as a script would at the deadline. What they leave behind —
/// stored rows and bytes, Service Center items, mail — stays bounded by the limits, whatever the
/// rate; every refusal is a 4xx. The figures go to RELIABILITY.md.
/// </summary>
public sealed class AbuseTests(ShippedLimitsFixture api, ITestOutputHelper output) : IClassFixture<ShippedLimitsFixture>
{
    private const string Attacker = "203.0.113.7";
    private static readonly TimeSpan Hammering = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task One_account_and_one_address_hammering_for_a_minute_leave_storage_the_Service_Center_and_mail_bounded()
    {
        // Thirty practices with a Security Official each, ten without one; set up from other addresses.
        var guarded = Enumerable.Range(0, 30).Select(_ => new AccessWorld(api)).ToList();
        var unclaimed = Enumerable.Range(0, 10).Select(_ => new AccessWorld(api)).ToList();
        var own = new AccessWorld(api);
        await guarded[0].ImportAsync([.. guarded.Skip(1).Concat(unclaimed).Append(own).Select(Line)]);
        var officials = new List<string>();
        foreach (var (world, i) in guarded.Select((w, i) => (w, i)))
        {
            var userId = $"so-{Guid.NewGuid():N}"[..20];
            using var so = Client(api.SignedIn(userId), $"10.77.0.{i + 1}");
            Assert.Equal("approved", (await AccessWorld.RequestAsync(so, "practice", world.FirstSecurityOfficialItem())).GetProperty("status").GetString());
            officials.Add(userId);
        }

        var attackerId = $"eve-{Guid.NewGuid():N}"[..20];
        using var eve = Client(api.SignedIn(attackerId), Attacker);
        Assert.Equal("approved", (await AccessWorld.RequestAsync(eve, "practice", own.FirstSecurityOfficialItem())).GetProperty("status").GetString());
        var registration = $"/api/registrations/2026/practice/{own.Tin}";
        Assert.True((await eve.PutAsJsonAsync($"{registration}/size", new { size = "25-99" })).IsSuccessStatusCode);
        Assert.True((await eve.PutAsJsonAsync($"{registration}/organization", new { name = "Eve Clinic", address1 = "1 Main St", city = "Richmond", state = "VA", zip = "23219" })).IsSuccessStatusCode);
        var firstContact = await eve.PostAsJsonAsync($"{registration}/contacts", Contact(0));
        var contactId = (await firstContact.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactId").GetString();
        Assert.True((await eve.PostAsync($"{registration}/programs/cahps", null)).IsSuccessStatusCode);
        await Task.Delay(TimeSpan.FromSeconds(3));

        var before = Storage();
        var mailBefore = await MailAsync(officials, attackerId);
        var statuses = new ConcurrentDictionary<string, int>();
        var deadline = Stopwatch.StartNew();
        async Task Hammer(string kind, Func<int, Task<HttpResponseMessage>> send)
        {
            for (var n = 0; deadline.Elapsed < Hammering; n++)
            {
                using var response = await send(n);
                statuses.AddOrUpdate($"{kind} {(int)response.StatusCode}", 1, (_, count) => count + 1);
            }
        }

        using var anonymous = Client(api.Anonymous(), Attacker);
        await Task.WhenAll(
            Hammer("sign-in", n => anonymous.PostAsJsonAsync("/api/auth/sign-in",
                new { userId = n % 2 == 0 ? officials[n % officials.Count] : $"nobody-{n}", password = $"Guess-Password-{n}", statementOfTruth = true })),
            Hammer("verify", n => anonymous.PostAsJsonAsync($"/api/auth/challenges/{Convert.ToBase64String(Encoding.UTF8.GetBytes(officials[n % officials.Count]))}.forged{n}/verify", new { code = $"{n % 1_000_000:D6}" })),
            Hammer("reset", n => anonymous.PostAsJsonAsync("/api/auth/password-reset", new { userId = officials[n % officials.Count] })),
            Hammer("sign-up", n => anonymous.PostAsJsonAsync("/api/accounts", new
            {
                userId = $"sock-{Guid.NewGuid():N}"[..20], password = "Sock-Puppet-Pass-1", firstName = "Sock", lastName = "Puppet", email = $"sock{n}@abuse.example.org",
            })),
            Hammer("access", n => eve.PostAsJsonAsync("/api/access-requests", (n % 3) switch
            {
                0 => new { orgType = "practice", items = Enumerable.Range(0, 25).Select(i => (object)new { orgId = $"6{n % 100:D2}{i:D6}", role = "security-official", validation = new { tin = $"6{n % 100:D2}{i:D6}", npi = "1234567893", ptan = "AB1234" } }).ToArray() },
                1 => new { orgType = "practice", items = guarded.Take(25).Select(w => (object)new { orgId = w.Tin, role = "staff-user" }).ToArray() },
                _ => new { orgType = "practice", items = unclaimed.Select(w => (object)w.FirstSecurityOfficialItem(ptan: "WRONG1")).ToArray() },
            })),
            Hammer("contact", n => n % 2 == 0
                ? eve.PostAsJsonAsync($"{registration}/contacts", Contact(n))
                : eve.PutAsJsonAsync($"{registration}/contacts/{contactId}", Contact(n))));

        await Task.Delay(TimeSpan.FromSeconds(5));
        var after = Storage();
        var mailAfter = await MailAsync(officials, attackerId);
        using var operatorClient = api.SignedIn(ApiFixture.Operator);
        var queue = await operatorClient.GetAsync("/api/admin/service-center/requests?pageSize=200");
        var openItems = int.Parse(queue.Headers.GetValues("X-Total-Count").Single(), System.Globalization.CultureInfo.InvariantCulture);
        var requests = statuses.Sum(s => s.Value);

        output.WriteLine($"{requests} requests in {Hammering.TotalSeconds:F0} s: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        output.WriteLine($"stored rows {before.Rows} -> {after.Rows} (+{after.Rows - before.Rows}), payload bytes {before.Bytes} -> {after.Bytes} (+{after.Bytes - before.Bytes})");
        output.WriteLine($"rows added by state: {string.Join(", ", after.ByState.Select(s => $"{s.Key} +{s.Value - before.ByState.GetValueOrDefault(s.Key)}").Where(s => !s.EndsWith(" +0", StringComparison.Ordinal)))}");
        output.WriteLine($"Service Center open items: {openItems}; mail delivered to the victims, the attacker and the contacts: {mailAfter - mailBefore}");

        Assert.DoesNotContain(statuses.Keys, k => k.EndsWith(" 500", StringComparison.Ordinal) || k.EndsWith(" 503", StringComparison.Ordinal));
        Assert.Contains(statuses.Keys, k => k.EndsWith(" 429", StringComparison.Ordinal));
        Assert.True(requests > 1000, $"only {requests} requests were made");

        // The bounds the limits set, whatever the rate: 20 sign-ups an hour from one address, 60
        // access requests an hour from one account and at most 20 of its requests waiting, 10
        // contacts told of modifications once in ten minutes, 3 resets a quarter hour per account.
        Assert.InRange(after.Rows - before.Rows, 0, 200);
        Assert.InRange(after.Bytes - before.Bytes, 0, 1_000_000);
        Assert.InRange(openItems, 0, 45);
        Assert.InRange(mailAfter - mailBefore, 0, 300);
    }

    private static string Line(AccessWorld world) =>
        $$"""{"kind":"practice","tin":"{{world.Tin}}","name":"{{world.Name}}","city":"Richmond","state":"VA","clinicians":[{"npi":"{{world.Npi}}","ptan":"{{world.Ptan}}","firstName":"Ann","lastName":"Lee"}]}""";

    private static object Contact(int n) => new { firstName = "Mail", lastName = $"Target{n}", email = $"target{n % 50}@abuse.example.org", phone = "4105550123" };

    private static HttpClient Client(HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        return client;
    }

    /// <summary>Messages the development sink delivered to everyone the attack could mail.</summary>
    private async Task<int> MailAsync(IEnumerable<string> officials, string attacker)
    {
        var addresses = officials.Append(attacker).Select(id => $"{id}@fixture.example").Concat(Enumerable.Range(0, 50).Select(n => $"target{n}@abuse.example.org"));
        var counts = await Task.WhenAll(addresses.Select(async a => (await api.Grains.GetGrain<IDevMailboxGrain>(GrainKeys.Mailbox(a)).ReadAsync()).Length));
        return counts.Sum();
    }

    private (long Rows, long Bytes, Dictionary<string, long> ByState) Storage()
    {
        using var connection = new SqliteConnection($"Data Source={api.DataFile};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT state_name, count(*), coalesce(sum(length(payload)), 0) FROM qpp_grain_state GROUP BY state_name";
        using var reader = command.ExecuteReader();
        var byState = new Dictionary<string, long>();
        long rows = 0, bytes = 0;
        while (reader.Read())
        {
            byState[reader.GetString(0)] = reader.GetInt64(1);
            rows += reader.GetInt64(1);
            bytes += reader.GetInt64(2);
        }

        return (rows, bytes, byState);
    }
}
