namespace QppOrleans.Grains.Abstractions.Events;

/// <summary>The Service Center changed a person's role .</summary>
[GenerateSerializer, Alias("qpp.events.RoleChanged")]
public sealed record RoleChanged : OrganizationEvent
{
    [Id(0)] public Recipient Member { get; init; } = null!;

    [Id(1)] public string FromRole { get; init; } = "";

    [Id(2)] public string ToRole { get; init; } = "";
}
