namespace QppOrleans.Grains.Accounts;

/// <summary>A-7: a bearer token signed out before it expired; kept until it would have.</summary>
[GenerateSerializer, Alias("qpp.accounts.SignedOutToken")]
public sealed record SignedOutToken([property: Id(0)] string TokenId, [property: Id(1)] DateTimeOffset Expires);
