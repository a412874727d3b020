namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>The person behind an account, as others and they themselves see it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.UserProfile")]
public sealed record UserProfile(
    [property: Id(0)] string UserId,
    [property: Id(1)] string FirstName,
    [property: Id(2)] string LastName,
    [property: Id(3)] string Email);
