namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>The answer to user id and password.</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.SignInResult")]
public sealed record SignInResult(
    [property: Id(0)] SignInOutcome Outcome,
    [property: Id(1)] string? ChallengeSecret = null,
    [property: Id(2)] VerificationDevice[]? Devices = null,
    [property: Id(3)] DateTimeOffset? LockedUntil = null);
