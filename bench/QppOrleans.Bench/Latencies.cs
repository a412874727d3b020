namespace QppOrleans.Bench;

/// <summary>Latency percentiles of a set of timed requests, in milliseconds.</summary>
internal sealed record Latencies(int Count, double P50, double P95, double P99, double Max, double PerSecond)
{
    public static Latencies Of(IReadOnlyList<double> milliseconds, TimeSpan elapsed)
    {
        var sorted = milliseconds.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new(sorted.Length, At(0.50), At(0.95), At(0.99), sorted.LastOrDefault(), sorted.Length / elapsed.TotalSeconds);
    }
}
