using System.Globalization;
using System.Text.Json;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.EndToEnd;

/// <summary>
/// The benchmark tool (issue 8) run as BENCHMARKS.md says, small, against the embedded default
/// started as a process in Development: it must prepare its own data, finish every flow, read
/// every acknowledged registration back and report each target of each round. Figures are not
/// judged here — only that the tool measures what it claims to.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class BenchToolTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan BenchTimeout = TimeSpan.FromMinutes(4);
    private readonly string dataDirectory = System.IO.Directory.CreateTempSubdirectory("qpp-bench-").FullName;

    [Fact]
    public async Task The_surge_registers_every_person_reads_them_all_back_and_reports_service_floor_and_baseline_reads_and_the_service_s_spans()
    {
        var otlpPort = FreePort.Next();
        var (url, server) = await StartServerAsync(new Dictionary<string, string>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = $"http://127.0.0.1:{otlpPort}",
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "1000",
        });
        await using var _ = server;

        var result = await RunBenchAsync("surge", "--url", url, "--people", "8", "--concurrency", "4", "--reads", "300", "--rounds", "1",
            "--warmup", "0", "--settle", "0", "--baseline", "--floor", "--otlp-port", otlpPort.ToString(CultureInfo.InvariantCulture), "--json");

        var surge = result.GetProperty("surge");
        Assert.Equal(8, surge.GetProperty("completedFlows").GetInt32());
        Assert.Equal(0, surge.GetProperty("failedFlows").GetInt32());
        Assert.Equal(0, surge.GetProperty("serverErrors").GetInt32());
        var readBack = surge.GetProperty("readBack");
        Assert.Equal(8, readBack.GetProperty("acknowledged").GetInt32());
        Assert.Equal(8, readBack.GetProperty("presentAfterwards").GetInt32());
        Assert.Equal(8, readBack.GetProperty("distinctRegistrationIds").GetInt32());
        Assert.True(surge.GetProperty("programRegistrationsPerSecond").GetDouble() > 0);

        var round = result.GetProperty("rounds")[0];
        foreach (var target in new[] { "service", "floor", "baseline" })
        {
            Assert.Equal(300, round.GetProperty(target).GetProperty("statuses").GetProperty("OK").GetInt32());
        }

        Assert.Equal(["me-organizations", "overview", "registration"], round.GetProperty("service").GetProperty("byRequest").EnumerateObject().Select(p => p.Name));
        var reads = result.GetProperty("reads");
        Assert.True(reads.GetProperty("ratio").GetDouble() > 0);
        Assert.True(reads.GetProperty("floorRatio").GetDouble() > 0);
        Assert.Equal(0, reads.GetProperty("serviceNotOk").GetInt32());

        // Without --server-pid the service's CPU is unknown; the baseline's process is the tool's own child, so it is read.
        Assert.Equal(JsonValueKind.Null, round.GetProperty("service").GetProperty("cpu").GetProperty("serverCoresBusy").ValueKind);
        Assert.True(round.GetProperty("baseline").GetProperty("cpu").GetProperty("serverMicrosecondsPerRequest").GetDouble() >= 0);
        Assert.True(round.GetProperty("baseline").GetProperty("cpu").GetProperty("machineCores").GetInt32() >= 1);

        // The baseline answered from a process of its own, which ended with the tool (this checkout's tool: others may run theirs on the same machine).
        Assert.DoesNotContain(System.IO.Directory.GetDirectories("/proc"), process =>
            CommandLine(process) is var command && command.Contains(" baseline-server ", StringComparison.Ordinal) && command.Contains(Repository.BenchDll, StringComparison.Ordinal));

        // The service's own spans, read from its OTLP export: requests and the grain calls under them.
        var traces = result.GetProperty("surgeTraces");
        Assert.True(traces.GetProperty("spans").GetInt32() > 0);
        var spans = traces.GetProperty("byName").EnumerateArray().Select(s => s.GetProperty("span").GetString()!).ToList();
        Assert.Contains(spans, s => s.StartsWith("qpp-api: IRegistrationGrain/RegisterAsync", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_directory_scenario_imports_then_searches_against_the_service_and_the_baseline_and_reads_the_server_process()
    {
        var (url, server) = await StartServerAsync();
        await using var _ = server;

        var result = await RunBenchAsync("directory", "--url", url, "--practices", "400", "--clinicians", "2", "--searches", "300", "--rounds", "1",
            "--warmup", "0", "--settle", "0", "--baseline", "--server-pid", server.Id.ToString(CultureInfo.InvariantCulture), "--json");

        // The generator adds registries, APM entities and virtual groups to the practices.
        Assert.True(result.GetProperty("organizationsInFile").GetInt64() > 400);
        Assert.Equal(result.GetProperty("organizationsInFile").GetInt64(), result.GetProperty("organizations").GetInt64());
        var import = result.GetProperty("import");
        Assert.Equal(0, import.GetProperty("rejected").GetInt64());
        Assert.True(import.GetProperty("serverPeakRssMiB").GetDouble() > 0);
        var search = result.GetProperty("search");
        Assert.True(search.GetProperty("meanResults").GetDouble() > 0, "type-ahead prefixes of imported names find something");
        var round = search.GetProperty("rounds")[0];
        Assert.Equal(300, round.GetProperty("service").GetProperty("statuses").GetProperty("OK").GetInt32());
        Assert.Equal(300, round.GetProperty("baseline").GetProperty("statuses").GetProperty("OK").GetInt32());
        var cpu = round.GetProperty("service").GetProperty("cpu");
        Assert.True(cpu.GetProperty("serverCoresBusy").GetDouble() > 0);
        Assert.True(cpu.GetProperty("serverMicrosecondsPerRequest").GetDouble() > 0);
        Assert.True(cpu.GetProperty("machineCoresBusy").GetDouble() > 0);
        var summary = search.GetProperty("summary");
        Assert.True(summary.GetProperty("ratio").GetDouble() > 0);
        Assert.True(summary.GetProperty("cpuRatio").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("fly", "'fly' is not a scenario")]
    [InlineData("surge --people many", "--people takes a whole number of at least 1, not 'many'")]
    [InlineData("surge --people 0", "--people takes a whole number of at least 1, not '0'")]
    [InlineData("surge --peopel 10", "--peopel is not an option of surge")]
    [InlineData("surge --url ftp://example.org", "--url is the service's http(s) address")]
    [InlineData("surge --rate -5", "--rate is the arrivals per second")]
    [InlineData("surge --server-pid 1,x", "--server-pid lists the ids of running server processes")]
    [InlineData("directory --searches", "--searches is not an option of directory, or has no value")]
    public async Task Options_it_cannot_use_are_refused_with_the_reason_before_anything_is_sent(string arguments, string reason)
    {
        // No service runs at this address: a refusal must come before any request.
        string[] nowhere = arguments.Contains("--url", StringComparison.Ordinal) ? [] : ["--url", "http://127.0.0.1:9"];
        await using var bench = ChildProcess.Start(Repository.Root, new Dictionary<string, string>(), [Repository.BenchDll, .. arguments.Split(' '), .. nowhere]);

        Assert.Equal(2, await bench.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(reason, bench.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_that_does_not_answer_ends_the_run_with_the_reason_and_exit_code_1()
    {
        await using var bench = ChildProcess.Start(Repository.Root, new Dictionary<string, string>(), [Repository.BenchDll, "surge", "--url", "http://127.0.0.1:9", "--people", "2", "--ready-within", "1"]);

        Assert.Equal(1, await bench.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("The benchmark stopped: the service was not ready within 1 s (Connection refused", bench.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", bench.Output, StringComparison.Ordinal);
    }

    public void Dispose() => System.IO.Directory.Delete(dataDirectory, recursive: true);

    private static string CommandLine(string process)
    {
        try
        {
            return File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return ""; // not a process, or one that has ended
        }
    }

    private async Task<(string Url, ChildProcess Server)> StartServerAsync(Dictionary<string, string>? settings = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        // From the project directory, as BENCHMARKS.md and the README start it: its settings files are read from there.
        var server = ChildProcess.Start(Path.Combine(Repository.Root, "src", "Api"), new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["Directory__DevelopmentPractices"] = "0",
            ["RateLimits__SignIn__PermitLimit"] = "1000000",
            ["Embedded__DataFile"] = Path.Combine(dataDirectory, "qpp.db"),
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
        }.Concat(settings ?? []).ToDictionary(), Repository.ApiDll, "--urls", url);
        using var http = new HttpClient { BaseAddress = new Uri(url) };
        await Eventually.HoldsAsync(
            async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(60),
            () => "ready within 60 s; output: " + server.Output);
        return (url, server);
    }

    /// <summary>Runs the tool to its end; with <c>--json</c> its result is the one JSON line it prints on standard output.</summary>
    private async Task<JsonElement> RunBenchAsync(params string[] arguments)
    {
        await using var bench = ChildProcess.Start(Repository.Root, new Dictionary<string, string>(), [Repository.BenchDll, .. arguments]);
        var exitCode = await bench.ExitCodeAsync(BenchTimeout);
        var lines = bench.Output.Split(Environment.NewLine);
        output.WriteLine(string.Join(Environment.NewLine, lines.Where(l => !l.StartsWith('{')).Select(l => l[(l.LastIndexOf('\r') + 1)..])));
        Assert.True(exitCode == 0, $"the benchmark tool exited with {exitCode}: {bench.Output}");
        return JsonDocument.Parse(lines.Last(l => l.StartsWith('{'))).RootElement.Clone();
    }
}
