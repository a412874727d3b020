using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QppOrleans.Tests.Access;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Resilience;

/// <summary>
/// PostgreSQL stopped for ten seconds while Security Officials write (issue 9): every write either
/// succeeds and is stored, or fails with a 503 problem and leaves nothing behind.
/// </summary>
public sealed class StorageOutageTests(StorageOutageTests.OwnServer api, ITestOutputHelper output) : IClassFixture<StorageOutageTests.OwnServer>
{
    /// <summary>The API and a silo (cluster mode) on a PostgreSQL server this test may stop.</summary>
    public sealed class OwnServer : PostgresApiFixture
    {
        public PrivatePostgres Postgres { get; } = new();

        protected override async Task<string> CreateDatabaseAsync()
        {
            await Postgres.StartAsync();
            return Postgres.ConnectionString;
        }

        /// <summary>The offices add a contact ten times a second, far more than a registration normally holds.</summary>
        protected override int MaxContacts => 1000;

        protected override async Task CleanUpAsync()
        {
            await base.CleanUpAsync();
            await Postgres.DisposeAsync();
        }
    }

    private sealed record Write(TimeSpan At, string Tin, string LastName, HttpStatusCode Status, string? Code, string? RetryAfter);

    [Fact]
    public async Task Writes_during_a_ten_second_database_outage_fail_with_503_and_are_not_half_written()
    {
        var offices = new List<(string Tin, HttpClient Http)>();
        for (var i = 0; i < 4; i++)
        {
            var world = new AccessWorld(api);
            await world.ImportAsync();
            var (_, http) = await world.SecurityOfficialAsync();
            Assert.Equal(HttpStatusCode.OK, (await http.PutAsJsonAsync(Base(world.Tin) + "/size", new { size = "25-99" })).StatusCode);
            offices.Add((world.Tin, http));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var writes = new System.Collections.Concurrent.ConcurrentQueue<Write>();
        TimeSpan? restartedAt = null;
        async Task WriteUntilAsync(string tin, HttpClient http, Func<bool> done)
        {
            for (var n = 0; !done(); n++)
            {
                var lastName = $"Outage{n}";
                using var response = await http.PostAsJsonAsync(Base(tin) + "/contacts",
                    new { firstName = "Pat", lastName, email = $"pat{n}@outage.example.org", phone = "4105550123" });
                var code = response.IsSuccessStatusCode ? null : (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString();
                writes.Enqueue(new Write(clock.Elapsed, tin, lastName, response.StatusCode, code, response.Headers.RetryAfter?.ToString()));
                await Task.Delay(100);
            }
        }

        // Each office writes until the database is back and one of its writes has succeeded again.
        bool BackFor(string tin) => restartedAt is { } back && writes.Any(w => w.Tin == tin && w.At > back && w.Status == HttpStatusCode.Created);
        var writers = offices.Select(o => Task.Run(() => WriteUntilAsync(o.Tin, o.Http, () => BackFor(o.Tin) || clock.Elapsed > TimeSpan.FromMinutes(2)))).ToList();

        await Task.Delay(TimeSpan.FromSeconds(2));
        var stoppedAt = clock.Elapsed;
        await api.Postgres.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(10));
        await api.Postgres.StartAsync();
        restartedAt = clock.Elapsed;
        await Task.WhenAll(writers);

        var all = writes.ToList();
        var refused = all.Where(w => w.Status != HttpStatusCode.Created).ToList();
        var recovered = offices.Max(o => all.First(w => w.Tin == o.Tin && w.At > restartedAt && w.Status == HttpStatusCode.Created).At) - restartedAt.Value;
        output.WriteLine(
            $"{all.Count} writes: {all.Count - refused.Count} stored, {refused.Count} refused ({string.Join(", ", refused.GroupBy(w => (int)w.Status).Select(g => $"{g.Key}: {g.Count()}"))}); " +
            $"database down from {stoppedAt.TotalSeconds:F1} s to {restartedAt.Value.TotalSeconds:F1} s; every office wrote successfully again within {recovered.TotalSeconds:F1} s of the restart.");

        Assert.NotEmpty(refused);
        Assert.All(refused, w =>
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, w.Status);
            Assert.Equal("service-unavailable", w.Code);
            Assert.NotNull(w.RetryAfter);
        });
        Assert.True(recovered < TimeSpan.FromSeconds(30), $"writes failed for {recovered.TotalSeconds:F1} s after the restart");

        // The record holds exactly the acknowledged contacts — from memory, and from storage once every grain is gone.
        await AssertContactsAreTheAcknowledgedAsync(offices, all);
        await api.Grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
        await AssertContactsAreTheAcknowledgedAsync(offices, all);
    }

    private static async Task AssertContactsAreTheAcknowledgedAsync(List<(string Tin, HttpClient Http)> offices, List<Write> writes)
    {
        foreach (var (tin, http) in offices)
        {
            var record = await http.GetFromJsonAsync<JsonElement>(Base(tin));
            var stored = record.GetProperty("contacts").EnumerateArray().Select(c => c.GetProperty("lastName").GetString()!).Order().ToList();
            var acknowledged = writes.Where(w => w.Tin == tin && w.Status == HttpStatusCode.Created).Select(w => w.LastName).Order().ToList();
            Assert.Equal(acknowledged, stored);
        }
    }

    private static string Base(string tin) => $"/api/registrations/2026/practice/{tin}";
}
