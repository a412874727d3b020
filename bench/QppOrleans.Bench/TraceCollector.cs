using System.Collections.Concurrent;

namespace QppOrleans.Bench;

/// <summary>
/// Where the time goes, from the service's own OpenTelemetry traces: every span the
/// <see cref="OtlpReceiver"/> received, and a report of a time window: per span name, how often, how long, and its <em>self time</em> — its duration less
/// the time covered by its children. A grain call's client span less the callee's server span is
/// the message's way there and back plus the wait for the grain's turn; a request's own span less
/// its grain calls is ASP.NET Core, authentication and JSON.
/// </summary>
internal sealed class TraceCollector
{
    private readonly ConcurrentQueue<Span> spans = new();

    public void Add(IEnumerable<Span> received)
    {
        foreach (var span in received)
        {
            spans.Enqueue(span);
        }
    }

    /// <summary>Spans that started within the window, by name, the largest total self time first.</summary>
    public object Report(DateTimeOffset from, DateTimeOffset to, int top = 30)
    {
        var (start, end) = (Nanoseconds(from), Nanoseconds(to));
        var window = spans.Where(s => s.Start >= start && s.Start <= end).ToList();
        var children = window.Where(s => s.ParentId != 0).ToLookup(s => (s.TraceId, s.ParentId));
        var selfTimes = window.Select(s => (Span: s, Self: SelfMilliseconds(s, children[(s.TraceId, s.SpanId)]))).ToList();
        var totalSelf = selfTimes.Sum(s => s.Self);
        var seconds = (to - from).TotalSeconds;
        return new
        {
            windowSeconds = Math.Round(seconds, 1),
            spans = window.Count,
            totalSelfSeconds = Math.Round(totalSelf / 1000, 1),
            byName = selfTimes
                .GroupBy(s => $"{s.Span.Service}: {s.Span.Name} ({s.Span.KindName})")
                .Select(g => new
                {
                    span = g.Key,
                    count = g.Count(),
                    meanMs = Math.Round(g.Average(s => s.Span.Milliseconds), 2),
                    meanSelfMs = Math.Round(g.Average(s => s.Self), 2),
                    selfShare = Math.Round(g.Sum(s => s.Self) / Math.Max(totalSelf, 1e-9), 3),
                })
                .OrderByDescending(s => s.selfShare)
                .Take(top)
                .ToArray(),
            personWaits = PersonWaits(window),
        };
    }

    /// <summary>
    /// For each grain method an HTTP request calls (a client span whose parent is the request's
    /// server span), how long the call waited outside the grain's own turn: the client span less
    /// the grain's server span — the message's way there and back, and the wait for the
    /// activation and for the calls and deliveries queued in front of it.
    /// </summary>
    private static PersonWait[] PersonWaits(List<Span> window)
    {
        var byId = window.ToDictionary(s => (s.TraceId, s.SpanId));
        var servers = window.Where(s => s.Kind == Otlp.Span.Types.SpanKind.Server && s.ParentId != 0).ToLookup(s => (s.TraceId, s.ParentId));
        return window
            .Where(s => s.Kind == Otlp.Span.Types.SpanKind.Client
                && byId.TryGetValue((s.TraceId, s.ParentId), out var parent) && parent.Kind == Otlp.Span.Types.SpanKind.Server && parent.Name.Contains("/api/", StringComparison.Ordinal))
            .SelectMany(client => servers[(client.TraceId, client.SpanId)].Take(1).Select(server => (client.Name, Wait: client.Milliseconds - server.Milliseconds)))
            .GroupBy(w => w.Name)
            .Select(g =>
            {
                var waits = g.Select(w => w.Wait).Order().ToArray();
                return new PersonWait(g.Key, waits.Length, Math.Round(waits.Average(), 2), Math.Round(waits[waits.Length / 2], 2),
                    Math.Round(waits[Math.Min(waits.Length - 1, (int)Math.Ceiling(0.99 * waits.Length) - 1)], 2));
            })
            .OrderByDescending(w => w.Count)
            .ToArray();
    }

    private sealed record PersonWait(string Call, int Count, double MeanWaitMs, double P50WaitMs, double P99WaitMs);

    /// <summary>The span's duration less the union of its children's intervals within it.</summary>
    private static double SelfMilliseconds(Span span, IEnumerable<Span> children)
    {
        ulong covered = 0, reach = span.Start;
        foreach (var child in children.OrderBy(c => c.Start))
        {
            var (from, to) = (Math.Max(child.Start, reach), Math.Min(child.End, span.End));
            if (to > from)
            {
                covered += to - from;
                reach = to;
            }
        }

        return (span.End - span.Start - covered) / 1e6;
    }

    private static ulong Nanoseconds(DateTimeOffset time) => (ulong)(time.ToUnixTimeMilliseconds() * 1_000_000);
}
