namespace QppOrleans.Grains.Abstractions.Access;

/// <summary>
/// What a first Security Official gives to prove they know the organization: by type,
/// practice <c>{tin, npi, ptan}</c>, registry <c>{tin, vendorId}</c>, virtual group <c>{tins}</c>,
/// APM entity <c>{tins}</c> or <c>{tin, npi}</c>; a clinician <c>{npi, ptan}</c> (A-29).
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.access.Validation")]
public sealed record Validation(
    [property: Id(0)] string? Tin = null,
    [property: Id(1)] string? Npi = null,
    [property: Id(2)] string? Ptan = null,
    [property: Id(3)] string? VendorId = null,
    [property: Id(4)] string[]? Tins = null);
