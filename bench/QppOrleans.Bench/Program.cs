using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using QppOrleans.Bench;

// Drives a running QPP Access instance over HTTP and reports what it measured (see BENCHMARKS.md).
//   directory --url URL [--practices 200000] [--clinicians 5] [--searches 30000] [--search-concurrency 32]
//         [--rounds 5] [--warmup 10] [--settle 65] [--baseline] [--server-pid PID] [--ready-within 60] [--json]
//   surge --url URL [--people 2000] [--concurrency 64 | --rate PER_SECOND] [--year 2026] [--presigned] [--settle 65]
//         [--reads 30000] [--read-concurrency 32] [--rounds 5] [--warmup 10] [--baseline] [--floor] [--server-pid PID[,PID...]]
//         [--otlp-port 4318] [--kill-pid PID --kill-after SECONDS] [--ready-within 60] [--json]
var command = args.FirstOrDefault();
if (command == BaselineServer.Command && args is [_, "--port", var portText] && int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port))
{
    return await BaselineServer.ServeAsync(port); // started by --baseline, not by hand
}

if (command is not ("directory" or "surge"))
{
    return Refuse($"'{command}' is not a scenario");
}

string[] valued =
[
    "--url", "--practices", "--clinicians", "--searches", "--search-concurrency", "--rounds", "--warmup", "--server-pid", "--people",
    "--concurrency", "--rate", "--year", "--settle", "--reads", "--read-concurrency", "--otlp-port", "--ready-within",
    "--kill-pid", "--kill-after",
];
var options = new Dictionary<string, string>(StringComparer.Ordinal);
var flags = new HashSet<string>(StringComparer.Ordinal);
for (var i = 1; i < args.Length; i++)
{
    if (args[i] is "--json" or "--baseline" or "--presigned" or "--floor")
    {
        flags.Add(args[i]);
    }
    else if (valued.Contains(args[i]) && i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal))
    {
        options[args[i]] = args[++i];
    }
    else
    {
        return Refuse($"{args[i]} is not an option of {command}, or has no value");
    }
}

int Number(string name, int fallback, int minimum = 1)
{
    if (!options.TryGetValue(name, out var text))
    {
        return fallback;
    }

    if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
    {
        Environment.Exit(Refuse($"{name} takes a whole number of at least {minimum}, not '{text}'"));
    }

    return value;
}

static int Refuse(string reason)
{
    Console.Error.WriteLine($"{reason}; usage: directory|surge --url URL [options] (see BENCHMARKS.md)");
    return 2;
}

if (!Uri.TryCreate(options.GetValueOrDefault("--url", "http://127.0.0.1:5080"), UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
{
    return Refuse("--url is the service's http(s) address");
}

var pidTexts = options.TryGetValue("--server-pid", out var pids) ? pids.Split(',') : [];
if (pidTexts.Any(p => !int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || !File.Exists($"/proc/{pid}/stat")))
{
    return Refuse("--server-pid lists the ids of running server processes, separated by commas");
}

var servers = pidTexts.Select(p => new ServerProcess(int.Parse(p, CultureInfo.InvariantCulture))).ToArray();
var warmup = TimeSpan.FromSeconds(Number("--warmup", 10, minimum: 0));
var settle = TimeSpan.FromSeconds(Number("--settle", 65, minimum: 0));
var rounds = Number("--rounds", 5);
var readyWithin = TimeSpan.FromSeconds(Number("--ready-within", 60, minimum: 0));
object result;
try
{
    if (command == "directory")
    {
        var searches = new LoopSettings(Number("--search-concurrency", 32), Number("--searches", 30_000), warmup);
        var (practices, clinicians) = (Number("--practices", 200_000), Number("--clinicians", 5));
        await Readiness.WaitAsync("the service", url, "/health/ready", readyWithin); // every option checked before the first request
        result = await DirectoryScenario.RunAsync(url, practices, clinicians, searches, rounds, flags.Contains("--baseline"), servers.FirstOrDefault(), settle);
    }
    else
    {
        var year = Number("--year", 2026);
        var reads = new LoopSettings(Number("--read-concurrency", 32), Number("--reads", 30_000), warmup);
        Chaos? chaos = null;
        if (options.ContainsKey("--kill-pid") || options.ContainsKey("--kill-after"))
        {
            var victim = Number("--kill-pid", 0);
            if (!options.ContainsKey("--kill-after") || !File.Exists($"/proc/{victim}/stat"))
            {
                return Refuse("--kill-pid names a running server process and --kill-after the seconds into the timed surge to kill it");
            }

            chaos = new Chaos(victim, TimeSpan.FromSeconds(Number("--kill-after", 1, minimum: 0)));
        }

        await using var otlp = options.ContainsKey("--otlp-port") ? await OtlpReceiver.StartAsync(Number("--otlp-port", 4318)) : null;
        double? rate = null;
        if (options.TryGetValue("--rate", out var r))
        {
            if (!double.TryParse(r, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var perSecond) || perSecond <= 0)
            {
                return Refuse("--rate is the arrivals per second, a positive number");
            }

            rate = perSecond;
        }

        using var surge = new SurgeScenario(url, Number("--people", 2000), Number("--concurrency", 64), rate, year, flags.Contains("--presigned"));
        await Readiness.WaitAsync("the service", url, "/health/ready", readyWithin); // every option checked before the first request
        await surge.PrepareAsync();

        // Signing everyone in leaves the same kind of background work as a surge (emails, and a
        // minute later the wake-up reminders' ticks); with --presigned the timed phase is meant to be
        // the registration work alone, so that work is waited out first.
        var preparedSettled = flags.Contains("--presigned") ? await Settle.WaitAsync(servers, settle, TimeSpan.FromSeconds(240)) : null;
        var surgeResult = JsonSerializer.SerializeToNode(await surge.RunAsync(new Recorder(), servers, chaos), Json.Options)!.AsObject();
        var (surgeStarted, surgeEnded) = surge.Timed;
        servers = [.. servers.Where(s => s.Pid != chaos?.Pid)];
        var people = surge.Tokens.Select(t => (t.Value, surge.Base(t.Key))).ToList();
        var settled = await Settle.WaitAsync(servers, settle, TimeSpan.FromSeconds(240));

        // The exporters send their batches every few seconds; the settle above (or this) lets the last arrive.
        await Task.Delay(otlp is null || settled is not null ? TimeSpan.Zero : TimeSpan.FromSeconds(10));
        var surgeTraces = otlp?.Traces.Report(surgeStarted, surgeEnded);

        // Writes the timed flows made while they ran, and with what they left behind until the service was quiet.
        if (otlp?.Writes.Between(surgeStarted, surgeEnded) is { } during && surge.CompletedFlows > 0)
        {
            surgeResult["storageWritesPerFlow"] = Math.Round(during.Total / surge.CompletedFlows, 2);
            surgeResult["storageWritesByGrain"] = JsonSerializer.SerializeToNode(during.BySeries);
            if (settled is not null && otlp.Writes.Between(surgeStarted, DateTimeOffset.UtcNow) is { } untilQuiet)
            {
                surgeResult["storageWritesPerFlowUntilSettled"] = Math.Round(untilQuiet.Total / surge.CompletedFlows, 2);
                surgeResult["storageWritesByGrainUntilSettled"] = JsonSerializer.SerializeToNode(untilQuiet.BySeries);
            }
        }
        else
        {
            surgeResult["storageWritesPerFlow"] = null;
            surgeResult["storageWrites"] = "not measured: start the service with OTEL_EXPORTER_OTLP_ENDPOINT at --otlp-port (BENCHMARKS.md)";
        }

        using var http = ClosedLoop.Client(url);
        await using var minimal = flags.Contains("--baseline") ? await BaselineServer.StartAsync() : null;
        using var baselineHttp = minimal is null ? null : ClosedLoop.Client(minimal.Url);
        var mix = ReadsScenario.Mix(people, year);
        var readRounds = await Round.RunAsync(
            rounds,
            reads,
            new LoopTarget("portal reads", "service", http, mix, servers),
            flags.Contains("--floor") ? new LoopTarget("one grain call", "service", http, ReadsScenario.Floor(people.Count), servers) : null,
            baselineHttp is null ? null : new LoopTarget("portal reads", "baseline", baselineHttp, mix, [minimal!.Server]));
        result = new { preparedSettledSeconds = preparedSettled, surge = surgeResult, surgeTraces, settledSeconds = settled, reads = Round.Summary(readRounds), rounds = readRounds };
    }
}
catch (Exception exception) when (exception is HttpRequestException or ServerProcessEnded)
{
    // A service that stops answering, or a server process that ends, ends the run: its figures would be wrong.
    await Console.Error.WriteLineAsync();
    await Console.Error.WriteLineAsync($"The benchmark stopped: {exception.Message}");
    return 1;
}

var json = JsonSerializer.Serialize(result, new JsonSerializerOptions(Json.Options) { WriteIndented = !flags.Contains("--json") });
Console.WriteLine(json);
if (!flags.Contains("--json"))
{
    await Console.Error.WriteLineAsync(Table.Render(JsonDocument.Parse(json).RootElement));
}

return 0;
