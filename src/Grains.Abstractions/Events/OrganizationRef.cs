namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>An organization as messages name it: <c>practice</c>/TIN, <c>apm-entity</c>/APM Entity ID, …</summary>
[GenerateSerializer, Immutable, Alias("qpp.events.OrganizationRef")]
public sealed record OrganizationRef(
    [property: Id(0)] string OrgType,
    [property: Id(1)] string OrgId,
    [property: Id(2)] string Name);
