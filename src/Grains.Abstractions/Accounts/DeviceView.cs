namespace QppOrleans.Grains.Abstractions.Accounts;

/// <summary>A verification device as its owner sees it .</summary>
[GenerateSerializer, Immutable, Alias("qpp.accounts.DeviceView")]
public sealed record DeviceView(
    [property: Id(0)] string DeviceId,
    [property: Id(1)] string Kind,
    [property: Id(2)] string Address,
    [property: Id(3)] string Masked);
