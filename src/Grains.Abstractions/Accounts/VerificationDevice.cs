namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>A device a one-time code can be sent to, shown masked .</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.VerificationDevice")]
public sealed record VerificationDevice(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Masked);
