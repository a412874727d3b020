using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>An item of the Service Center queue: a request escalated after repeated failures .</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.ServiceCenterRequest")]
public sealed record ServiceCenterRequest(
    [property: Id(0)] Guid Id,
    [property: Id(1)] DateTimeOffset OpenedAt,
    [property: Id(2)] OrganizationRef Organization,
    [property: Id(3)] string RequesterUserId,
    [property: Id(4)] string Role,
    [property: Id(5)] string Reason,
    [property: Id(6)] bool Open,
    [property: Id(7)] DateTimeOffset? ResolvedAt = null,
    [property: Id(8)] string? ResolvedBy = null);
