namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>An email as the development sink received it.</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.DeliveredMessage")]
public sealed record DeliveredMessage(
    [property: Id(0)] string To,
    [property: Id(1)] string Subject,
    [property: Id(2)] string Body,
    [property: Id(3)] DateTimeOffset SentAt);
