namespace QppOrleans.Grains.Access;

[GenerateSerializer, Alias("qpp.access.IdempotencyState")]
public sealed class IdempotencyState
{
    [Id(0)] public string? Fingerprint { get; set; }

    [Id(1)] public string? Response { get; set; }

    [Id(2)] public DateTimeOffset? CompletedAt { get; set; }
}
