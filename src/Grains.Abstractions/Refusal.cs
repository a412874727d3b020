namespace QppOrleans.Grains.Abstractions;

/// <summary>
/// Why the core refused a command: a stable machine code (the problem's <c>code</c> at the edge),
/// the message a person reads (the problem's <c>detail</c>; the seed's words where SPEC.md quotes
/// them) and, where the guides name the moment, its heading (the problem's <c>title</c>).
/// The code alone decides the HTTP status (<see cref="RefusalCodes"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.Refusal")]
public sealed record Refusal([property: Id(0)] string Code, [property: Id(1)] string Message, [property: Id(2)] string? Title = null);
