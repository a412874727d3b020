namespace QppOrleans.Grains.Abstractions.Directory;

/// <summary>
/// What the directory says of one organization: one shape for the four types, each using
/// the parts that apply (clinicians for a practice, participants for an APM entity, member TINs
/// for a virtual group, the TIN of a registry).
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.directory.DirectoryEntry")]
public sealed record DirectoryEntry
{
    [Id(0)] public string OrgType { get; init; } = "";

    [Id(1)] public string OrgId { get; init; } = "";

    [Id(2)] public string Name { get; init; } = "";

    [Id(3)] public string? Address1 { get; init; }

    [Id(4)] public string? Address2 { get; init; }

    [Id(5)] public string? City { get; init; }

    [Id(6)] public string? State { get; init; }

    [Id(7)] public string? Zip { get; init; }

    /// <summary>APM entities: the model id .</summary>
    [Id(8)] public string? ApmModel { get; init; }

    [Id(9)] public Clinician[] Clinicians { get; init; } = [];

    [Id(10)] public Participant[] Participants { get; init; } = [];

    /// <summary>A registry's TIN, or a virtual group's member TINs.</summary>
    [Id(11)] public string[] Tins { get; init; } = [];

    public OrganizationSummary Summary => new(OrgType, OrgId, Name, City, State, ApmModel);
}
