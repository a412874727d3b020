namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>A page of a person's notifications, newest first.</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.NotificationPage")]
public sealed record NotificationPage(
    [property: Id(0)] Notification[] Items,
    [property: Id(1)] int Page,
    [property: Id(2)] int PageSize,
    [property: Id(3)] int TotalCount,
    [property: Id(4)] int UnreadCount);
