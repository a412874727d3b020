namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>The fall sampling outcome for an organization's registrations .</summary>
[GenerateSerializer, Alias("qpp.events.SamplingResultRecorded")]
public sealed record SamplingResultRecorded : OrganizationEvent
{
    [Id(0)] public int PerformanceYear { get; init; }

    [Id(1)] public int WebInterfaceAssignedPatients { get; init; }

    [Id(2)] public bool CahpsSampleMet { get; init; }
}
