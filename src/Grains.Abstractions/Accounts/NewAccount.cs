namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>What a person gives to create an account .</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.NewAccount")]
public sealed record NewAccount(
    [property: Id(0)] string UserId,
    [property: Id(1)] string Password,
    [property: Id(2)] string FirstName,
    [property: Id(3)] string LastName,
    [property: Id(4)] string Email,
    [property: Id(5)] string? Phone)
{
    /// <summary>Never prints the password .</summary>
    public override string ToString() => $"{nameof(NewAccount)} {{ UserId = {UserId} }}";
}
