namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>
/// The audit trail of one publishing grain, kept under the same key (an organization's trail is
/// at <c>practice/000765630</c>, a person's at <c>user:…</c>): every event it published, once.
/// </summary>
[Alias("qpp.notifications.IAuditTrailGrain")]
public interface IAuditTrailGrain : IGrainWithStringKey
{
    /// <summary>Newest first: the <paramref name="take"/> entries after the newest <paramref name="skip"/>, and how many there are in all.</summary>
    [Alias("Page")]
    Task<AuditPage> PageAsync(int skip, int take);
}

/// <summary>A page of an audit trail, newest first.</summary>
[GenerateSerializer, Immutable, Alias("qpp.notifications.AuditPage")]
public sealed record AuditPage([property: Id(0)] AuditEntry[] Items, [property: Id(1)] int Total);
