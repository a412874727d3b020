namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>One on-screen notification; its id is the id of the event it tells of.</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.Notification")]
public sealed record Notification(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset At,
    [property: Id(2)] string Subject,
    [property: Id(3)] string Body,
    [property: Id(4)] bool Read);
