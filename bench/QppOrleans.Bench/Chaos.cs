using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>
/// The surge's chaos option (<c>--kill-pid PID --kill-after SECONDS</c>): SIGKILL of one server
/// process that far into the timed surge, and what the people in the surge saw of it.
/// <list type="bullet">
/// <item><c>longestAnswerSeconds</c>: the longest any request waited for its answer (a success, a
/// 5xx or no answer at all) among those in flight at the kill or sent after it.</item>
/// <item><c>recoverySeconds</c>: from the kill to the first flow that completed after it having
/// started after the kill and after the last failed flow started — the moment from which the
/// service demonstrably serves new flows again, whichever silo their grains were on.</item>
/// </list>
/// </summary>
internal sealed class Chaos(int pid, TimeSpan after)
{
    public int Pid => pid;

    /// <summary>On the recorder's clock; null until the kill.</summary>
    public TimeSpan? KilledAt { get; private set; }

    /// <summary>Kills the process <c>after</c> into the surge the recorder times; <paramref name="lastLook"/> runs just before.</summary>
    public async Task KillDuringAsync(Recorder recorder, Task surge, Action lastLook)
    {
        if (await Task.WhenAny(surge, Task.Delay(after)) == surge)
        {
            return;
        }

        lastLook();
        using var victim = Process.GetProcessById(pid);
        victim.Kill(); // SIGKILL on Linux
        KilledAt = recorder.Elapsed;
        await Console.Error.WriteAsync($" [SIGKILL {pid} at {KilledAt.Value.TotalSeconds:F1} s]");
    }

    public object Report(IReadOnlyCollection<Recorder.Interval> answers, IReadOnlyCollection<Recorder.Interval> flows)
    {
        if (KilledAt is not { } kill)
        {
            return new { killedPid = pid, killed = false, reason = "the surge ended before the kill was due" };
        }

        var touched = answers.Where(a => a.End >= kill).ToList();
        var failedFlows = flows.Where(f => !f.Succeeded && f.End >= kill).ToList();
        var lastFailureStarted = failedFlows.Count == 0 ? kill : failedFlows.Max(f => f.Start);
        var cleared = Max(kill, lastFailureStarted);
        var recovered = flows.Where(f => f.Succeeded && f.Start > cleared).Select(f => f.End).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        return new
        {
            killedPid = pid,
            killedAtSeconds = Math.Round(kill.TotalSeconds, 2),
            requestsInFlightAtKill = answers.Count(a => a.Start <= kill && a.End >= kill),
            longestAnswerSeconds = touched.Count == 0 ? 0 : Math.Round(touched.Max(a => (a.End - a.Start).TotalSeconds), 2),
            recoverySeconds = recovered == TimeSpan.MaxValue ? (double?)null : Math.Round((recovered - kill).TotalSeconds, 2),
            failedRequestsAfterKill = touched.Count(a => !a.Succeeded),
            failedFlowsAfterKill = failedFlows.Count,
            lastFailureAfterKillSeconds = failedFlows.Count == 0 ? 0 : Math.Round((failedFlows.Max(f => f.End) - kill).TotalSeconds, 2),
        };
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
