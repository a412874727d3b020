using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

public sealed record CreateAccountRequest(string? UserId, string? Password, string? FirstName, string? LastName, string? Email, string? Phone)
{
    /// <summary>Never prints the password .</summary>
    public override string ToString() => $"{nameof(CreateAccountRequest)} {{ UserId = {UserId} }}";
}

public sealed record CreatedAccount(string UserId);

/// <param name="KnownClient">The token an earlier sign-in to this account gave this client, if any .</param>
public sealed record SignInRequest(string? UserId, string? Password, bool? StatementOfTruth, string? KnownClient = null)
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

/// <summary>
/// A completed sign-in: the bearer token, and a token that tells later sign-ins of this account
/// from this client apart from a stranger's (send it as <c>knownClient</c>).
/// </summary>
public sealed record SignedIn(string AccessToken, string TokenType, int ExpiresIn, string KnownClient);

public sealed record Me(string UserId, string FirstName, string LastName, string Email, bool Operator);

public sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? ChallengeId, string? Code)
{
    public override string ToString() => nameof(ChangePasswordRequest);
}

public sealed record PasswordResetRequest(string? UserId);

public sealed record CompletePasswordResetRequest(string? Code, string? NewPassword)
{
    public override string ToString() => nameof(CompletePasswordResetRequest);
}

/// <summary>A device to add, with the fresh code of a confirmation challenge.</summary>
public sealed record AddDeviceRequest(string? Kind, string? Address, string? ChallengeId, string? Code)
{
    public override string ToString() => $"{nameof(AddDeviceRequest)} {{ Kind = {Kind} }}";
}

/// <summary>The device waits for the code sent to it.</summary>
public sealed record PendingDeviceView(string DeviceId, string Status);

public sealed record ConfirmDeviceRequest(string? Code)
{
    public override string ToString() => nameof(ConfirmDeviceRequest);
}

/// <summary>The fresh code of a confirmation challenge that a change needs .</summary>
public sealed record ConfirmationRequest(string? ChallengeId, string? Code)
{
    public override string ToString() => nameof(ConfirmationRequest);
}
