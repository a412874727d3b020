using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>
/// Portal reads: connected organizations, the registration record and the overview, in turn, by
/// the people of a surge, with a fixed number of requests in flight.
/// </summary>
internal static class ReadsScenario
{
    public static async Task<ReadsResult> RunAsync(HttpClient http, string label, IReadOnlyList<(string Token, string RegistrationPath)> people, int year, int concurrency, int requests, ServerProcess[] servers)
    {
        var warmup = await WarmUpAsync(http, people, year, concurrency);
        var recorder = new Recorder();
        var cpuBefore = servers.Sum(s => s.CpuSeconds());
        var done = 0;
        await using (new Progress(label, requests, () => done))
        {
            await SendAsync(http, recorder, people, year, concurrency, requests, () => Interlocked.Increment(ref done));
        }

        var all = recorder.All();
        var serverCores = servers.Length == 0 ? (double?)null : Math.Round((servers.Sum(s => s.CpuSeconds()) - cpuBefore) / recorder.Elapsed.TotalSeconds, 2);
        return new ReadsResult(label, concurrency, requests, warmup, Math.Round(all.PerSecond), all, serverCores, recorder.ByKind(), recorder.Statuses());
    }

    /// <summary>
    /// Both targets are warmed up alike, in steps of about a second, for at least 10 s and then
    /// until a step is no more than 5 % faster than the best before it (at most 60 s): on two busy
    /// cores the runtime's background compilation to optimized code takes seconds, and a target
    /// timed before it ends is measured at half its speed. Returns the requests sent.
    /// </summary>
    private static async Task<int> WarmUpAsync(HttpClient http, IReadOnlyList<(string Token, string RegistrationPath)> people, int year, int concurrency)
    {
        var clock = Stopwatch.StartNew();
        var (sent, step, best) = (0, 1_000, 0.0);
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            var recorder = new Recorder();
            await SendAsync(http, recorder, people, year, concurrency, step, () => { });
            sent += step;
            var rate = step / recorder.Elapsed.TotalSeconds;
            if (clock.Elapsed >= TimeSpan.FromSeconds(10) && rate <= best * 1.05)
            {
                break;
            }

            best = Math.Max(best, rate);
            step = (int)Math.Max(1_000, rate);
        }

        return sent;
    }

    private static Task SendAsync(HttpClient http, Recorder recorder, IReadOnlyList<(string Token, string RegistrationPath)> people, int year, int concurrency, int requests, Action sent) =>
        Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (k, _) =>
        {
            var (token, registration) = people[k % people.Count];
            var (kind, path) = (k % 3) switch
            {
                0 => ("me-organizations", "/api/me/organizations"),
                1 => ("registration", registration),
                _ => ("overview", $"/api/registrations/{year}"),
            };
            using var response = await recorder.TimeAsync(kind, () => http.SendAsync(SurgeScenario.Authorized(HttpMethod.Get, path, token, null)));
            sent();
        });
}

internal sealed record ReadsResult(string Target, int Concurrency, int Requests, int Warmup, double RequestsPerSecond, Latencies Latency, double? ServerCpuCoresBusy, Dictionary<string, Latencies> ByRequest, Dictionary<string, int> Statuses);

/// <summary>One round of portal reads: the service, then the baseline with the same requests.</summary>
internal sealed record ReadsRound(ReadsResult Service, ReadsResult? Baseline)
{
    public double? Ratio => Baseline is null ? null : Math.Round(Service.RequestsPerSecond / Baseline.RequestsPerSecond, 3);

    /// <summary>The median of the rounds' figures, and the worst p99 the service showed in any round.</summary>
    public static object Summary(IReadOnlyList<ReadsRound> rounds) => new
    {
        rounds = rounds.Count,
        serviceRequestsPerSecond = Median(rounds.Select(r => r.Service.RequestsPerSecond)),
        baselineRequestsPerSecond = rounds.Any(r => r.Baseline is not null) ? Median(rounds.Where(r => r.Baseline is not null).Select(r => r.Baseline!.RequestsPerSecond)) : (double?)null,
        ratio = rounds.Any(r => r.Ratio is not null) ? Median(rounds.Where(r => r.Ratio is not null).Select(r => r.Ratio!.Value)) : (double?)null,
        serviceCpuCoresBusy = Median(rounds.Select(r => r.Service.ServerCpuCoresBusy ?? 0)),
        serviceP50 = Median(rounds.Select(r => r.Service.Latency.P50)),
        serviceP99Worst = rounds.Max(r => r.Service.Latency.P99),
        baselineP99Worst = rounds.Where(r => r.Baseline is not null).Select(r => r.Baseline!.Latency.P99).DefaultIfEmpty().Max(),
        serviceNotOk = rounds.Sum(r => r.Service.Statuses.Where(s => s.Key != "OK").Sum(s => s.Value)),
    };

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
