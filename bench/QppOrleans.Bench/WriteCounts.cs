using System.Collections.Concurrent;
using Google.Protobuf.Collections;
using QppOrleans.Bench.Otlp;

namespace QppOrleans.Bench;

/// <summary>
/// The service's <c>qpp.storage.writes</c> counter as its processes export it over OTLP
/// (cumulative sums, one series per grain type and store): how many writes fell between two
/// instants, each process's counts interpolated between its exports. Start the service with
/// <c>OTEL_METRIC_EXPORT_INTERVAL=250</c> (milliseconds) so that the instants fall close to an export;
/// <c>OTEL_TRACES_EXPORTER=none</c> exports the metrics without recording spans.
/// </summary>
internal sealed class WriteCounts
{
    public const string Metric = "qpp.storage.writes";

    private readonly ConcurrentQueue<Reading> readings = new();

    /// <summary>One series' cumulative count in one export of one process.</summary>
    public sealed record Reading(string Process, ulong At, string Series, double Count);

    public bool Any => !readings.IsEmpty;

    public static List<Reading> Read(ReadOnlySpan<byte> request) =>
    [
        .. from resourceMetrics in ExportMetricsServiceRequest.Parser.ParseFrom(request).ResourceMetrics
           let process = OtlpSpans.Attribute(resourceMetrics.Resource?.Attributes, "service.instance.id") ?? "unknown"
           from scope in resourceMetrics.ScopeMetrics
           from metric in scope.Metrics
           where metric.Name == Metric && metric.Sum is not null
           from point in metric.Sum.DataPoints
           select new Reading(process, point.TimeUnixNano, Series(point.Attributes),
               point.ValueCase == NumberDataPoint.ValueOneofCase.AsInt ? point.AsInt : point.AsDouble),
    ];

    public void Add(IEnumerable<Reading> received)
    {
        foreach (var reading in received)
        {
            readings.Enqueue(reading);
        }
    }

    /// <summary>Writes between the two instants, in all and by series (<c>grain type/store</c>), the most first; null when nothing was exported.</summary>
    public (double Total, Dictionary<string, double> BySeries)? Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (readings.IsEmpty)
        {
            return null;
        }

        var (start, end) = (Nanoseconds(from), Nanoseconds(to));
        var bySeries = new Dictionary<string, double>();
        foreach (var process in readings.GroupBy(r => r.Process))
        {
            // A process exports every series it has at each collection; a series absent from an
            // export had not counted anything yet.
            var exports = process.Select(r => r.At).Distinct().Order().ToArray();
            foreach (var series in process.GroupBy(r => r.Series))
            {
                var counts = series.ToDictionary(r => r.At, r => r.Count);
                var timeline = exports.Select(at => (At: at, Count: counts.GetValueOrDefault(at))).ToArray();
                var written = CountAt(timeline, end) - CountAt(timeline, start);
                bySeries[series.Key] = bySeries.GetValueOrDefault(series.Key) + written;
            }
        }

        return (bySeries.Values.Sum(), bySeries.Where(s => s.Value >= 0.5).OrderByDescending(s => s.Value).ToDictionary(s => s.Key, s => Math.Round(s.Value, 1)));
    }

    /// <summary>The count at <paramref name="at"/>, linear between the exports around it.</summary>
    private static double CountAt((ulong At, double Count)[] timeline, ulong at)
    {
        var after = Array.FindIndex(timeline, e => e.At >= at);
        if (after < 0)
        {
            return timeline[^1].Count;
        }

        if (after == 0)
        {
            return timeline[0].At == at ? timeline[0].Count : 0;
        }

        var (before, next) = (timeline[after - 1], timeline[after]);
        return before.Count + (next.Count - before.Count) * (at - before.At) / (double)(next.At - before.At);
    }

    private static string Series(RepeatedField<KeyValue> attributes) =>
        $"{OtlpSpans.Attribute(attributes, "grain.type") ?? "?"}/{OtlpSpans.Attribute(attributes, "store") ?? "?"}";

    private static ulong Nanoseconds(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000);
}
