namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>A query answered only to those allowed to ask: the value, or why not.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.AccessResult`1")]
public sealed record AccessResult<T>(
    [property: Id(0)] Refusal? Refusal,
    [property: Id(1)] T? Value);
