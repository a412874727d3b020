namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// Why the core refused a command: a stable machine code (the problem's <c>code</c> at the edge)
/// and the message a person reads (the problem's <c>detail</c>; the seed's words where SPEC.md
/// quotes them).
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.Refusal")]
public sealed record Refusal([property: Id(0)] string Code, [property: Id(1)] string Message);
