namespace QppOrleans.Grains.Abstractions.Registration;

/// <summary>R-14: who (and their role then), what (before and after), when.</summary>
[GenerateSerializer, Immutable, Alias("qpp.registration.HistoryEntry")]
public sealed record HistoryEntry(
    [property: Id(0)] DateTimeOffset At,
    [property: Id(1)] string UserId,
    [property: Id(2)] string Role,
    [property: Id(3)] string Action,
    [property: Id(4)] string Details);
