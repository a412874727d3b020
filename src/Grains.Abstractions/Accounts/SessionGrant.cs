namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>What a bearer token carries after the right code: the session epoch, and whether the account was provisioned as an operator's.</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.SessionGrant")]
public sealed record SessionGrant([property: Id(0)] int SessionEpoch, [property: Id(1)] bool Operator);
