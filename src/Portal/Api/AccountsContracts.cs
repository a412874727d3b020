namespace QppOrleans.WebPortal.Api;

// The API's accounts and sign-in bodies (API.md "Accounts and sign-in").

public sealed record NewAccount(string UserId, string Password, string FirstName, string LastName, string Email, string? Phone);

public sealed record SignInBody(string UserId, string Password, bool StatementOfTruth, string? KnownClient);

public sealed record SignInChallenge(string ChallengeId, VerificationDevice[] Devices);

public sealed record VerificationDevice(string DeviceId, string Kind, string Masked);

/// <summary>The answer to a verified code: the token, and a known-client token this browser shows at its next sign-in.</summary>
public sealed record BearerToken(string AccessToken, string TokenType, int ExpiresIn, string? KnownClient);

public sealed record Me(string UserId, string FirstName, string LastName, string Email, bool Operator);

public sealed record Device(string DeviceId, string Kind, string Address, string Masked);

public sealed record PendingDevice(string DeviceId, string Status);
