using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

public sealed record CreateAccountRequest(string? UserId, string? Password, string? FirstName, string? LastName, string? Email, string? Phone)
{
    /// <summary>Never prints the password .</summary>
    public override string ToString() => $"{nameof(CreateAccountRequest)} {{ UserId = {UserId} }}";
}

public sealed record CreatedAccount(string UserId);

public sealed record SignInRequest(string? UserId, string? Password, bool? StatementOfTruth)
{
    /// <summary>Never prints the password .</summary>
    public override string ToString() => $"{nameof(SignInRequest)} {{ UserId = {UserId} }}";
}

public sealed record SignInChallenge(string ChallengeId, VerificationDevice[] Devices);

public sealed record SendCodeRequest(string? DeviceId);

public sealed record VerifyCodeRequest(string? Code)
{
    public override string ToString() => nameof(VerifyCodeRequest);
}

public sealed record Me(string UserId, string FirstName, string LastName, string Email, bool Operator);
