namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>
/// One <c>Idempotency-Key</c> of one user, keyed by <see cref="GrainKeys.Idempotency"/>: the first
/// request with the key runs, and a repeat gets the first result.
/// </summary>
[Alias("qpp.access.IIdempotencyGrain")]
public interface IIdempotencyGrain : IGrainWithStringKey
{
    /// <summary>Claims the key for a request whose body hashes to <paramref name="fingerprint"/>.</summary>
    [Alias("Begin")]
    Task<IdempotencyClaim> BeginAsync(string fingerprint);

    [Alias("Complete"), Repeatable]
    Task CompleteAsync(string response);

    /// <summary>The request failed without a result: the key may be used again.</summary>
    [Alias("Abandon"), Repeatable]
    Task AbandonAsync();
}

/// <summary><see cref="Response"/> is set when the key already has a result.</summary>
[GenerateSerializer, Immutable, Alias("qpp.access.IdempotencyClaim")]
public sealed record IdempotencyClaim(
    [property: Id(0)] IdempotencyStatus Status,
    [property: Id(1)] string? Response = null);

public enum IdempotencyStatus
{
    /// <summary>First use: go ahead, then complete.</summary>
    Claimed,

    Completed,

    /// <summary>The first request with this key is still running.</summary>
    InProgress,

    /// <summary>The key was used for a different request.</summary>
    Mismatch,
}
