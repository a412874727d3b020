namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>A registration as connected users see it (API.md <c>GET {base}</c>); <see cref="Version"/> is the ETag.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.RegistrationView")]
public sealed record RegistrationView(
    [property: Id(0)] string OrgType,
    [property: Id(1)] string OrgId,
    [property: Id(2)] int PerformanceYear,
    [property: Id(3)] string? RegistrationId,
    [property: Id(4)] string? Size,
    [property: Id(5)] OrganizationInfo Organization,
    [property: Id(6)] Contact[] Contacts,
    [property: Id(7)] ProgramStatus WebInterface,
    [property: Id(8)] ProgramStatus Cahps,
    [property: Id(9)] Sampling? Sampling,
    [property: Id(10)] long Version);
