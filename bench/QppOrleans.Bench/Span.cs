using Kinds = QppOrleans.Bench.Otlp.Span.Types.SpanKind;

namespace QppOrleans.Bench;

/// <summary>A span as the service exported it: which process, which trace, its parent, its name and times (Unix nanoseconds).</summary>
internal sealed record Span(string Service, UInt128 TraceId, ulong SpanId, ulong ParentId, string Name, Kinds Kind, ulong Start, ulong End)
{
    public string KindName => Kind switch
    {
        Kinds.Server => "server",
        Kinds.Client => "client",
        Kinds.Producer => "producer",
        Kinds.Consumer => "consumer",
        _ => "internal",
    };

    public double Milliseconds => (End - Start) / 1e6;
}
