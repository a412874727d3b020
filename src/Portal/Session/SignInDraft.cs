using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Session;

/// <summary>An open sign-in between the password and the code: the challenge, its devices, the one chosen.</summary>
public sealed record SignInDraft(string ChallengeId, VerificationDevice[] Devices, string? DeviceId, string? ReturnUrl);
