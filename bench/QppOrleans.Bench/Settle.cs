using System.Diagnostics;

namespace QppOrleans.Bench;

/// <summary>
/// Waits until the server processes are quiet: the deliveries a surge leaves behind (emails, audit
/// entries, outbox confirmations) would otherwise be measured as read cost. The wait is at least
/// <c>minimum</c>: a grain's wake-up reminder ticks a minute after its change (Events:WakeUpPeriod)
/// and is removed then, a second wave of writes that follows every surge.
/// </summary>
internal static class Settle
{
    private const double QuietCores = 0.15;
    private static readonly TimeSpan QuietFor = TimeSpan.FromSeconds(5);

    /// <summary>Seconds waited; null when there are no server processes to watch.</summary>
    public static async Task<double?> WaitAsync(ServerProcess[] servers, TimeSpan minimum, TimeSpan atMost)
    {
        if (servers.Length == 0 || atMost <= TimeSpan.Zero)
        {
            return null;
        }

        var waited = Stopwatch.StartNew();
        var lastBusy = TimeSpan.Zero;
        var cpu = servers.Sum(s => s.CpuSeconds());
        await Console.Error.WriteAsync("waiting for the server's background work to finish");
        while (waited.Elapsed < atMost && (waited.Elapsed < minimum || waited.Elapsed - lastBusy < QuietFor))
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = servers.Sum(s => s.CpuSeconds());
            if (now - cpu > QuietCores)
            {
                lastBusy = waited.Elapsed;
            }

            cpu = now;
            await Console.Error.WriteAsync('.');
        }

        await Console.Error.WriteLineAsync();
        return Math.Round(waited.Elapsed.TotalSeconds, 1);
    }
}
