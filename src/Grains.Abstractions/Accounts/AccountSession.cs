namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>
/// What the API checks a bearer token against: its session epoch must be the account's,
/// and its token id must not have been signed out.
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.AccountSession")]
public sealed record AccountSession([property: Id(0)] int SessionEpoch, [property: Id(1)] string[] SignedOutTokens)
{
    public bool Honours(int sessionEpoch, string tokenId) => sessionEpoch == SessionEpoch && Array.IndexOf(SignedOutTokens, tokenId) < 0;
}
