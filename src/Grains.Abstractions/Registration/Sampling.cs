namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-13: the fall sampling results and what they rule out.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.Sampling")]
public sealed record Sampling(
    [property: Id(0)] int WebInterfaceAssignedPatients,
    [property: Id(1)] bool CahpsSampleMet,
    [property: Id(2)] bool WebInterfaceFlagged,
    [property: Id(3)] bool CahpsFlagged);
