using System.IO.Compression;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QppOrleans.Bench;

/// <summary>
/// An OTLP/HTTP receiver in the benchmark's process (<c>--otlp-port</c>): start the service with
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> pointing at it and <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>.
/// It keeps the spans (<see cref="Traces"/>) and the storage write counters (<see cref="Writes"/>) it is sent.
/// </summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private LocalServer? server;

    public TraceCollector Traces { get; } = new();

    public WriteCounts Writes { get; } = new();

    public static async Task<OtlpReceiver> StartAsync(int port)
    {
        var receiver = new OtlpReceiver();
        receiver.server = await LocalServer.StartAsync(port, app =>
        {
            app.MapPost("/v1/traces", async (HttpRequest request) => Accepted(receiver.Traces.Add, OtlpSpans.Read, await BodyAsync(request)));
            app.MapPost("/v1/metrics", async (HttpRequest request) => Accepted(receiver.Writes.Add, WriteCounts.Read, await BodyAsync(request)));
            app.MapPost("/v1/logs", () => Results.Ok());
        });
        return receiver;
    }

    public ValueTask DisposeAsync() => server?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>An empty export response: everything accepted.</summary>
    private static IResult Accepted<T>(Action<T> keep, ReadOnlySpanReader<T> read, MemoryStream body)
    {
        keep(read(body.GetBuffer().AsSpan(0, (int)body.Length)));
        return Results.Bytes([], "application/x-protobuf");
    }

    private static async Task<MemoryStream> BodyAsync(HttpRequest request)
    {
        var buffer = new MemoryStream();
        if (request.Headers.ContentEncoding == "gzip")
        {
            await using var unzipped = new GZipStream(request.Body, CompressionMode.Decompress, leaveOpen: true);
            await unzipped.CopyToAsync(buffer);
        }
        else
        {
            await request.Body.CopyToAsync(buffer);
        }

        return buffer;
    }

    private delegate T ReadOnlySpanReader<out T>(ReadOnlySpan<byte> bytes);
}
