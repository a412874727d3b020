using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QppOrleans.Bench;

/// <summary>
/// Where the time goes, from the service's own OpenTelemetry traces: an OTLP/HTTP receiver in the
/// benchmark's process (start the service with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing at it
/// and <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>) that keeps every span, and a report of a
/// time window: per span name, how often, how long, and its <em>self time</em> — its duration less
/// the time covered by its children. A grain call's client span less the callee's server span is
/// the message's way there and back plus the wait for the grain's turn; a request's own span less
/// its grain calls is ASP.NET Core, authentication and JSON.
/// </summary>
internal sealed class TraceCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<Span> spans = new();
    private LocalServer? server;

    public static async Task<TraceCollector> StartAsync(int port)
    {
        var collector = new TraceCollector();
        collector.server = await LocalServer.StartAsync(port, app =>
        {
            app.MapPost("/v1/traces", collector.ReceiveAsync);
            app.MapPost("/v1/metrics", () => Results.Ok());
            app.MapPost("/v1/logs", () => Results.Ok());
        });
        return collector;
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
        };
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IResult> ReceiveAsync(HttpRequest request)
    {
        var body = request.Headers.ContentEncoding == "gzip" ? new GZipStream(request.Body, CompressionMode.Decompress) : request.Body;
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer);
        foreach (var span in OtlpSpans.Read(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)))
        {
            spans.Enqueue(span);
        }

        // An empty ExportTraceServiceResponse: everything accepted.
        return Results.Bytes([], "application/x-protobuf");
    }

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
