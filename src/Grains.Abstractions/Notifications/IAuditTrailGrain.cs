namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>
/// The audit trail of one publishing grain, kept under the same key (an organization's trail is
/// at <c>practice/000765630</c>): every event it published, once.
/// </summary>
[Alias("qpp.notifications.IAuditTrailGrain")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Newest first.</summary>
    [Alias("Read")]
    Task<AuditEntry[]> ReadAsync();
}
