namespace QppOrleans.Grains.Access;

/// <summary>A request for a role that waits for a Security Official, and how it ended.</summary>
[GenerateSerializer, Alias("qpp.access.AccessRequest")]
public sealed class AccessRequest
{
    [Id(0)] public string RequestId { get; set; } = "";

    [Id(1)] public string UserId { get; set; } = "";

    [Id(2)] public string Name { get; set; } = "";

    [Id(3)] public string Email { get; set; } = "";

    [Id(4)] public string Role { get; set; } = "";

    [Id(5)] public string Status { get; set; } = "";

    [Id(6)] public DateTimeOffset RequestedAt { get; set; }

    [Id(7)] public DateTimeOffset? DecidedAt { get; set; }

    [Id(8)] public string? DecidedBy { get; set; }

    [Id(9)] public string? Reason { get; set; }

    /// <summary>A-32: reminders sent to the Security Officials about it.</summary>
    [Id(10)] public int Reminders { get; set; }
}
