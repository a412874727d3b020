using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Collections;
using QppOrleans.Bench.Otlp;

namespace QppOrleans.Bench;

/// <summary>
/// Reads the spans of an OTLP <c>ExportTraceServiceRequest</c> (protobuf, as the OpenTelemetry
/// .NET exporter posts it to <c>/v1/traces</c>) with the types Google.Protobuf generates from
/// <c>Otlp/trace.proto</c>: each span with the <c>service.name</c> of the resource it came from.
/// </summary>
internal static class OtlpSpans
{
    public static List<Span> Read(ReadOnlySpan<byte> request) =>
    [
        .. from resourceSpans in ExportTraceServiceRequest.Parser.ParseFrom(request).ResourceSpans
           let service = Attribute(resourceSpans.Resource?.Attributes, "service.name") ?? "unknown"
           from scopeSpans in resourceSpans.ScopeSpans
           from span in scopeSpans.Spans
           select new Span(
               service, TraceId(span.TraceId), Id(span.SpanId), Id(span.ParentSpanId), span.Name, span.Kind,
               span.StartTimeUnixNano, Math.Max(span.StartTimeUnixNano, span.EndTimeUnixNano)),
    ];

    /// <summary>A string attribute of a resource or a data point.</summary>
    public static string? Attribute(RepeatedField<KeyValue>? attributes, string key) =>
        attributes?.FirstOrDefault(a => a.Key == key && a.Value?.ValueCase == AnyValue.ValueOneofCase.StringValue)?.Value.StringValue;

    private static UInt128 TraceId(ByteString bytes) => bytes.Length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(bytes.Span) : 0;

    private static ulong Id(ByteString bytes) => bytes.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(bytes.Span) : 0;
}
