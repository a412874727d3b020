using System.Buffers.Binary;
using System.Text;

namespace QppOrleans.Bench;

/// <summary>A span as the service exported it: which process, which trace, its parent, its name and times (Unix nanoseconds).</summary>
internal sealed record Span(string Service, UInt128 TraceId, ulong SpanId, ulong ParentId, string Name, int Kind, ulong Start, ulong End)
{
    /// <summary>OTLP's span kinds: 1 internal, 2 server, 3 client, 4 producer, 5 consumer.</summary>
    public string KindName => Kind switch { 2 => "server", 3 => "client", 4 => "producer", 5 => "consumer", _ => "internal" };

    public double Milliseconds => (End - Start) / 1e6;
}

/// <summary>
/// Reads the spans of an OTLP <c>ExportTraceServiceRequest</c> (protobuf, as the OpenTelemetry
/// .NET exporter posts it to <c>/v1/traces</c>) with nothing but the wire format: resource spans
/// (field 1) hold the resource (1, whose attributes give <c>service.name</c>) and scope spans (2),
/// which hold spans (2): trace id 1, span id 2, parent span id 4, name 5, kind 6, start 7 and end 8.
/// </summary>
internal static class OtlpSpans
{
    public static List<Span> Read(ReadOnlySpan<byte> request)
    {
        var spans = new List<Span>();
        var reader = new ProtoReader(request);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                ReadResourceSpans(reader.Bytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static void ReadResourceSpans(ReadOnlySpan<byte> resourceSpans, List<Span> spans)
    {
        // The resource comes first in practice, but the format does not promise it: read it first.
        var service = "unknown";
        var reader = new ProtoReader(resourceSpans);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 1 && wire == ProtoReader.LengthDelimited)
            {
                service = ServiceName(reader.Bytes()) ?? service;
            }
            else
            {
                reader.Skip(wire);
            }
        }

        reader = new ProtoReader(resourceSpans);
        while (reader.Next(out var field, out var wire))
        {
            if (field == 2 && wire == ProtoReader.LengthDelimited)
            {
                var scope = new ProtoReader(reader.Bytes());
                while (scope.Next(out var scopeField, out var scopeWire))
                {
                    if (scopeField == 2 && scopeWire == ProtoReader.LengthDelimited)
                    {
                        spans.Add(ReadSpan(service, scope.Bytes()));
                    }
                    else
                    {
                        scope.Skip(scopeWire);
                    }
                }
            }
            else
            {
                reader.Skip(wire);
            }
        }
    }

    private static string? ServiceName(ReadOnlySpan<byte> resource)
    {
        var reader = new ProtoReader(resource);
        while (reader.Next(out var field, out var wire))
        {
            if (field != 1 || wire != ProtoReader.LengthDelimited)
            {
                reader.Skip(wire);
                continue;
            }

            // KeyValue: key 1, value 2 (AnyValue: string_value 1).
            var keyValue = new ProtoReader(reader.Bytes());
            string? key = null;
            string? value = null;
            while (keyValue.Next(out var kvField, out var kvWire))
            {
                if (kvField == 1 && kvWire == ProtoReader.LengthDelimited)
                {
                    key = Encoding.UTF8.GetString(keyValue.Bytes());
                }
                else if (kvField == 2 && kvWire == ProtoReader.LengthDelimited)
                {
                    var any = new ProtoReader(keyValue.Bytes());
                    while (any.Next(out var anyField, out var anyWire))
                    {
                        if (anyField == 1 && anyWire == ProtoReader.LengthDelimited)
                        {
                            value = Encoding.UTF8.GetString(any.Bytes());
                        }
                        else
                        {
                            any.Skip(anyWire);
                        }
                    }
                }
                else
                {
                    keyValue.Skip(kvWire);
                }
            }

            if (key == "service.name" && value is not null)
            {
                return value;
            }
        }

        return null;
    }

    private static Span ReadSpan(string service, ReadOnlySpan<byte> span)
    {
        var reader = new ProtoReader(span);
        UInt128 traceId = 0;
        ulong spanId = 0, parentId = 0, start = 0, end = 0;
        var name = "";
        var kind = 0;
        while (reader.Next(out var field, out var wire))
        {
            switch (field, wire)
            {
                case (1, ProtoReader.LengthDelimited):
                    var trace = reader.Bytes();
                    traceId = trace.Length == 16 ? BinaryPrimitives.ReadUInt128BigEndian(trace) : 0;
                    break;
                case (2, ProtoReader.LengthDelimited):
                    spanId = Id(reader.Bytes());
                    break;
                case (4, ProtoReader.LengthDelimited):
                    parentId = Id(reader.Bytes());
                    break;
                case (5, ProtoReader.LengthDelimited):
                    name = Encoding.UTF8.GetString(reader.Bytes());
                    break;
                case (6, ProtoReader.Varint):
                    kind = (int)reader.VarintValue();
                    break;
                case (7, ProtoReader.Fixed64):
                    start = reader.Fixed64Value();
                    break;
                case (8, ProtoReader.Fixed64):
                    end = reader.Fixed64Value();
                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new Span(service, traceId, spanId, parentId, name, kind, start, Math.Max(start, end));
    }

    private static ulong Id(ReadOnlySpan<byte> bytes) => bytes.Length == 8 ? BinaryPrimitives.ReadUInt64BigEndian(bytes) : 0;

    /// <summary>The protobuf wire format, as far as spans need it.</summary>
    private ref struct ProtoReader(ReadOnlySpan<byte> buffer)
    {
        public const int Varint = 0;
        public const int Fixed64 = 1;
        public const int LengthDelimited = 2;
        public const int Fixed32 = 5;

        private readonly ReadOnlySpan<byte> buffer = buffer;
        private int position;

        public bool Next(out int field, out int wire)
        {
            if (position >= buffer.Length)
            {
                (field, wire) = (0, 0);
                return false;
            }

            var tag = ReadVarint();
            (field, wire) = ((int)(tag >> 3), (int)(tag & 7));
            return true;
        }

        public ReadOnlySpan<byte> Bytes()
        {
            var length = checked((int)ReadVarint());
            var bytes = buffer.Slice(position, length);
            position += length;
            return bytes;
        }

        public ulong VarintValue() => ReadVarint();

        public ulong Fixed64Value()
        {
            var value = BinaryPrimitives.ReadUInt64LittleEndian(buffer[position..]);
            position += 8;
            return value;
        }

        public void Skip(int wire)
        {
            switch (wire)
            {
                case Varint:
                    ReadVarint();
                    break;
                case Fixed64:
                    position += 8;
                    break;
                case LengthDelimited:
                    Bytes();
                    break;
                case Fixed32:
                    position += 4;
                    break;
                default:
                    throw new FormatException($"protobuf wire type {wire} is not one OTLP uses");
            }
        }

        private ulong ReadVarint()
        {
            ulong value = 0;
            for (var shift = 0; shift < 64; shift += 7)
            {
                var b = buffer[position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
            }

            throw new FormatException("a protobuf varint is longer than ten bytes");
        }
    }
}
