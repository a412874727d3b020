namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>The fall sampling outcome for an organization's registrations .</summary>
[GenerateSerializer, Alias("qpp.events.SamplingResultRecorded")]
public sealed record SamplingResultRecorded : OrganizationEvent
{
    [Id(0)] public int PerformanceYear { get; init; }

    [Id(1)] public int WebInterfaceAssignedPatients { get; init; }

    [Id(2)] public bool CahpsSampleMet { get; init; }

    /// <summary>Registered for the Web Interface with no Medicare patients assigned: it cannot submit through it.</summary>
    [Id(3)] public bool WebInterfaceFlagged { get; init; }

    /// <summary>Registered for the survey without the minimum sample: it cannot administer it.</summary>
    [Id(4)] public bool CahpsFlagged { get; init; }
}
