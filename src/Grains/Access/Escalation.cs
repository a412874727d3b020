namespace QppOrleans.Grains.Access;

/// <summary>A-26: a person whose validation failed three times, waiting for the Service Center.</summary>
[GenerateSerializer, Alias("qpp.access.Escalation")]
public sealed class Escalation
{
    [Id(0)] public string UserId { get; set; } = "";

    [Id(1)] public string Name { get; set; } = "";

    [Id(2)] public string Email { get; set; } = "";

    [Id(3)] public string Role { get; set; } = "";

    [Id(4)] public DateTimeOffset At { get; set; }
}
