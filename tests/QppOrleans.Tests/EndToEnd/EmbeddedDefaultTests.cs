using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QppOrleans.Grains.Abstractions.Diagnostics;
using QppOrleans.Tests.Accounts;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.EndToEnd;

/// <summary>
/// The program started the way the README says (<c>dotnet run --project src/Api</c>, here without
/// rebuilding), spoken to over real HTTP.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class EmbeddedDefaultTests(ITestOutputHelper output) : IDisposable
{
    private readonly string dataDirectory = System.IO.Directory.CreateTempSubdirectory("qpp-e2e-").FullName;

    [Fact]
    public async Task An_acknowledged_write_survives_a_killed_and_restarted_process()
    {
        var port = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        // Written at once, so that the writes share the grain state writer's commits.
        var names = Enumerable.Range(0, 40).Select(i => $"restart-{i}").ToArray();
        await using (var first = await StartAsync(port, http))
        {
            var responses = await Task.WhenAll(names.Select(name => http.PutAsJsonAsync($"/api/dev/probes/{name}", new { value = $"durable {name}" })));
            Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
            await first.KillAsync();
        }

        await using var second = await StartAsync(port, http);
        foreach (var name in names)
        {
            var reading = await http.GetFromJsonAsync<ProbeReading>($"/api/dev/probes/{name}");
            Assert.Equal($"durable {name}", reading!.Value);
            Assert.Equal(1, reading.Writes);
        }

        Assert.True(File.Exists(Path.Combine(dataDirectory, "qpp.db")));
    }

    [Fact]
    public async Task Health_OpenAPI_and_problem_details_answer_over_HTTP()
    {
        var port = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await using var process = await StartAsync(port, http);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
        var openApi = await http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/dev/probes/{name}", out _));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/scalar/v1")).StatusCode);

        var missing = await http.GetAsync("/api/no-such-thing");
        await AssertProblemAsync(missing, HttpStatusCode.NotFound, "not-found");

        var malformed = await http.SendTextAsync(HttpMethod.Put, "/api/dev/probes/p", "{\"value\":");
        await AssertProblemAsync(malformed, HttpStatusCode.BadRequest, "bad-request");

        var badName = await http.PutAsJsonAsync("/api/dev/probes/NOT%20A%20NAME", new { value = "x" });
        await AssertProblemAsync(badName, HttpStatusCode.BadRequest, null);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/dev/probes/p")).StatusCode);
        Assert.Null((await http.GetFromJsonAsync<ProbeReading>("/api/dev/probes/p"))!.Value);
    }

    [Fact]
    public async Task A1_A13_A_newcomer_creates_an_account_signs_in_and_finds_the_seed_practice_in_the_development_directory()
    {
        var port = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await using var process = await StartAsync(port, http);
        var portal = new Portal(http.BaseAddress!);

        using var signedIn = await portal.SignedInAsync(Portal.NewUserId());

        List<JsonElement>? found = null;
        await Eventually.HoldsAsync(
            async () => (found = await signedIn.GetFromJsonAsync<List<JsonElement>>("/api/organizations/search?type=practice&q=better%20bus"))!.Count > 0,
            TimeSpan.FromSeconds(30),
            () => "the development directory should be loaded");
        Assert.Equal("000765630", found![0].GetProperty("orgId").GetString());
        Assert.Equal("Better Business Health", found[0].GetProperty("name").GetString());
    }

    public void Dispose() => System.IO.Directory.Delete(dataDirectory, recursive: true);

    private async Task<ChildProcess> StartAsync(int port, HttpClient http)
    {
        var process = ChildProcess.Start(Repository.Root, new Dictionary<string, string>
        {
            ["Embedded__DataFile"] = Path.Combine(dataDirectory, "qpp.db"),
            ["Orleans__SiloPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "run", "--no-build", "--configuration", Repository.Configuration, "--project", "src/Api", "--", "--urls", $"http://127.0.0.1:{port}");

        var took = await Eventually.HoldsAsync(
            async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            () => "ready within 60 s; output: " + process.Output);
        output.WriteLine($"/health/ready answered 200 {took.TotalSeconds:F1} s after start.");
        Assert.Contains(Path.Combine(dataDirectory, "qpp.db"), process.Output, StringComparison.Ordinal);
        return process;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string? code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("code", out var actual));
        if (code is not null)
        {
            Assert.Equal(code, actual.GetString());
        }
    }
}
