using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Session;

/// <summary>
/// A change of devices in progress: what is asked (add a kind and address, or remove one),
/// the fresh-code challenge it needs, and, for an addition, the new device awaiting its own code.
/// </summary>
public sealed record DeviceDraft(
    string Action, string? Kind, string? Address, string? DeviceId, string ChallengeId, VerificationDevice[] Devices, bool Sent, string? PendingDeviceId);
