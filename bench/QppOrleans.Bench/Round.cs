namespace QppOrleans.Bench;

/// <summary>
/// One round of a closed-loop scenario: the service, then (optionally) the floor — the cheapest
/// request the service answers, one grain call without authentication or storage — then the
/// baseline with the same requests as the service. Every target is warmed up once, before the
/// first round; the rounds then measure the targets back to back, so that the figures a ratio
/// divides were taken seconds apart, in the same state of the machine.
/// </summary>
internal sealed record Round(LoopResult Service, LoopResult? Floor, LoopResult? Baseline)
{
    public double? Ratio => Baseline is null ? null : Math.Round(Service.RequestsPerSecond / Baseline.RequestsPerSecond, 3);

    public double? FloorRatio => Baseline is null || Floor is null ? null : Math.Round(Floor.RequestsPerSecond / Baseline.RequestsPerSecond, 3);

    /// <summary>
    /// The baseline server's CPU per request divided by the service's: the ratio of the work each
    /// does per answer, whether or not the loop kept the machine's cores busy.
    /// </summary>
    public double? CpuRatio => Baseline?.Cpu.ServerMicrosecondsPerRequest is { } baseline && Service.Cpu.ServerMicrosecondsPerRequest is { } service and > 0
        ? Math.Round(baseline / service, 3)
        : null;

    public static async Task<List<Round>> RunAsync(int count, LoopSettings settings, LoopTarget service, LoopTarget? floor, LoopTarget? baseline)
    {
        var warmups = new Dictionary<LoopTarget, int>();
        foreach (var target in new[] { service, floor, baseline }.OfType<LoopTarget>())
        {
            warmups[target] = await ClosedLoop.WarmUpAsync(target, settings);
        }

        // The warm-up's requests are reported with the first round.
        Task<LoopResult> Measure(LoopTarget target, int round) =>
            ClosedLoop.RunAsync(target, $"{target.Requests} ({target.Server}, round {round})", settings, round == 1 ? warmups[target] : 0);

        var rounds = new List<Round>();
        for (var round = 1; round <= count; round++)
        {
            var measured = await Measure(service, round);
            var least = floor is null ? null : await Measure(floor, round);
            rounds.Add(new Round(measured, least, baseline is null ? null : await Measure(baseline, round)));
        }

        return rounds;
    }

    /// <summary>The median of the rounds' figures, and the worst p99 the service showed in any round.</summary>
    public static object Summary(IReadOnlyList<Round> rounds) => new
    {
        rounds = rounds.Count,
        serviceRequestsPerSecond = Median(rounds.Select(r => r.Service.RequestsPerSecond)),
        floorRequestsPerSecond = MedianOf(rounds.Select(r => r.Floor?.RequestsPerSecond)),
        baselineRequestsPerSecond = MedianOf(rounds.Select(r => r.Baseline?.RequestsPerSecond)),
        ratio = MedianOf(rounds.Select(r => r.Ratio)),
        floorRatio = MedianOf(rounds.Select(r => r.FloorRatio)),
        cpuRatio = MedianOf(rounds.Select(r => r.CpuRatio)),
        serviceCpuCoresBusy = MedianOf(rounds.Select(r => r.Service.Cpu.ServerCoresBusy)),
        serviceCpuMicrosecondsPerRequest = MedianOf(rounds.Select(r => r.Service.Cpu.ServerMicrosecondsPerRequest)),
        baselineCpuMicrosecondsPerRequest = MedianOf(rounds.Select(r => r.Baseline?.Cpu.ServerMicrosecondsPerRequest)),
        machineCoresBusyService = MedianOf(rounds.Select(r => r.Service.Cpu.MachineCoresBusy)),
        machineCoresBusyBaseline = MedianOf(rounds.Select(r => r.Baseline?.Cpu.MachineCoresBusy)),
        serviceP50 = Median(rounds.Select(r => r.Service.Latency.P50)),
        serviceP99Worst = rounds.Max(r => r.Service.Latency.P99),
        baselineP99Worst = rounds.Where(r => r.Baseline is not null).Select(r => r.Baseline!.Latency.P99).DefaultIfEmpty().Max(),
        serviceNotOk = rounds.Sum(r => r.Service.Statuses.Where(s => s.Key != "OK").Sum(s => s.Value)),
    };

    private static double? MedianOf(IEnumerable<double?> values)
    {
        var known = values.OfType<double>().ToArray();
        return known.Length == 0 ? null : Median(known);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
