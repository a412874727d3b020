using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

[GenerateSerializer, Alias("qpp.notifications.AuditTrailState")]
public sealed class AuditTrailState
{
    /// <summary>Oldest first. An audit trail is never trimmed.</summary>
    [Id(0)] public List<AuditEntry> Entries { get; set; } = [];
}
