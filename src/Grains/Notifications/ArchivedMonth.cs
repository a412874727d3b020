namespace QppOrleans.Grains.Notifications;

/// <summary>A month of resolved Service Center requests, and how many.</summary>
[GenerateSerializer, Alias("qpp.notifications.ArchivedMonth")]
public sealed record ArchivedMonth([property: Id(0)] string Month, [property: Id(1)] int Count);
