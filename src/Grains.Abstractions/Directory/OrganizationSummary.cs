namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>An organization as a search lists it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.OrganizationSummary")]
public sealed record OrganizationSummary(
    [property: Id(0)] string OrgType,
    [property: Id(1)] string OrgId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? City,
    [property: Id(4)] string? State,
    [property: Id(5)] string? ApmModel);
