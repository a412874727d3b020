namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>How one email channel stands: sent, waiting for a retry, refused for good.</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.EmailQueueStatus")]
public sealed record EmailQueueStatus(
    [property: Id(0)] long Sent,
    [property: Id(1)] int Pending,
    [property: Id(2)] int Undeliverable);
