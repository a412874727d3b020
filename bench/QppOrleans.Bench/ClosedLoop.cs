using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>The k-th request of a closed loop, and the kind it is reported under.</summary>
internal delegate (string Kind, HttpRequestMessage Request) RequestMix(int k);

/// <summary>How many requests a closed loop sends, how many at once, and its shortest warm-up.</summary>
internal sealed record LoopSettings(int Concurrency, int Requests, TimeSpan MinimumWarmUp);

/// <summary>What a closed loop sends its requests to (<paramref name="Server"/>: the service or the baseline), and which.</summary>
internal sealed record LoopTarget(string Requests, string Server, HttpClient Http, RequestMix Mix, ServerProcess[] Servers);

/// <summary>
/// A fixed number of requests in flight until a given number is answered; the portal-read and
/// search scenarios run on it, against the service and against the baseline alike.
/// </summary>
internal static class ClosedLoop
{
    private static readonly TimeSpan MaximumWarmUp = TimeSpan.FromSeconds(60);

    /// <summary>A client for one target, with connections enough for any concurrency the tool runs.</summary>
#pragma warning disable CA2000 // The client owns its handler and disposes it with itself.
    public static HttpClient Client(Uri url) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 512 }, disposeHandler: true) { BaseAddress = url };
#pragma warning restore CA2000

    public static async Task<LoopResult> RunAsync(LoopTarget target, string label, LoopSettings settings, int warmup)
    {
        var (http, mix, servers) = (target.Http, target.Mix, target.Servers);
        var recorder = new Recorder();
        var (serverBefore, selfBefore, machineBefore) = (servers.Sum(s => s.CpuSeconds()), ServerProcess.Self.CpuSeconds(), ServerProcess.MachineBusySeconds());
        var done = 0;
        await using (new Progress(label, settings.Requests, () => done))
        {
            await SendAsync(http, recorder, mix, settings.Concurrency, settings.Requests, () => Interlocked.Increment(ref done));
        }

        var all = recorder.All();
        var seconds = recorder.Elapsed.TotalSeconds;
        var serverCpu = servers.Length == 0 ? (double?)null : servers.Sum(s => s.CpuSeconds()) - serverBefore;
        var cpu = new LoopCpu(
            Cores(serverCpu), serverCpu is { } used ? Math.Round(used / settings.Requests * 1e6, 1) : null,
            Cores(ServerProcess.Self.CpuSeconds() - selfBefore), Cores(ServerProcess.MachineBusySeconds() - machineBefore), Environment.ProcessorCount);
        return new LoopResult(label, settings.Concurrency, settings.Requests, warmup, Math.Round(all.PerSecond), all, cpu, recorder.ByKind(), recorder.Statuses());

        double? Cores(double? used) => used is { } value ? Math.Round(value / seconds, 2) : null;
    }

    /// <summary>
    /// Every target is warmed up alike, in steps of about a second, for at least the settings'
    /// minimum (10 s by default) and then until a step is no more than 5 % faster than the best
    /// before it (at most 60 s): on two busy cores the runtime's background compilation to
    /// optimized code takes seconds, and a target timed before it ends is measured at half its
    /// speed. Returns the requests sent.
    /// </summary>
    public static async Task<int> WarmUpAsync(LoopTarget target, LoopSettings settings)
    {
        var (http, mix) = (target.Http, target.Mix);
        var clock = Stopwatch.StartNew();
        var (sent, step, best) = (0, 1_000, 0.0);
        while (clock.Elapsed < MaximumWarmUp)
        {
            var recorder = new Recorder();
            await SendAsync(http, recorder, mix, settings.Concurrency, step, () => { });
            sent += step;
            var rate = step / recorder.Elapsed.TotalSeconds;
            if (clock.Elapsed >= settings.MinimumWarmUp && rate <= best * 1.05)
            {
                break;
            }

            best = Math.Max(best, rate);
            step = (int)Math.Max(1_000, rate);
        }

        return sent;
    }

    private static Task SendAsync(HttpClient http, Recorder recorder, RequestMix mix, int concurrency, int requests, Action sent) =>
        Parallel.ForEachAsync(Enumerable.Range(0, requests), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (k, _) =>
        {
            var (kind, request) = mix(k);
            using (request)
            using (await recorder.TimeAsync(kind, () => http.SendAsync(request)))
            {
                sent();
            }
        });
}

internal sealed record LoopResult(string Target, int Concurrency, int Requests, int Warmup, double RequestsPerSecond, Latencies Latency, LoopCpu Cpu, Dictionary<string, Latencies> ByRequest, Dictionary<string, int> Statuses);

/// <summary>
/// Where a loop's CPU went, in cores busy on average: the target's server processes (and their
/// CPU time per answered request, in microseconds), this tool, and the whole machine out of its
/// <paramref name="MachineCores"/>.
/// </summary>
internal sealed record LoopCpu(double? ServerCoresBusy, double? ServerMicrosecondsPerRequest, double? BenchCoresBusy, double? MachineCoresBusy, int MachineCores);
