namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>A registration was submitted, modified or cancelled; every contact hears of it .</summary>
[GenerateSerializer, Alias("qpp.events.RegistrationChanged")]
public sealed record RegistrationChanged : OrganizationEvent
{
    [Id(0)] public int PerformanceYear { get; init; }

    /// <summary><c>web-interface</c> or <c>cahps</c>.</summary>
    [Id(1)] public string Program { get; init; } = "";

    [Id(2)] public RegistrationChange Change { get; init; }

    [Id(3)] public string RegistrationId { get; init; } = "";
}
