namespace QppOrleans.Grains.Diagnostics;

[GenerateSerializer, Alias("qpp.diagnostics.ProbeState")]
public sealed class ProbeState
{
    [Id(0)] public string? Value { get; set; }
    [Id(1)] public long Writes { get; set; }
}
