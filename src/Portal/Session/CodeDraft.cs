using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Session;

/// <summary>An open challenge for a password reset or change: where its code may go, and whether one was sent.</summary>
public sealed record CodeDraft(string ChallengeId, VerificationDevice[] Devices, bool Sent);
