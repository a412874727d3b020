namespace QppOrleans.Grains.Abstractions.Notifications;

/// <summary>A person's on-screen notifications (N-1), keyed by <see cref="GrainKeys.Inbox"/>.</summary>
[Alias("qpp.notifications.IInboxGrain")]
public interface IInboxGrain : IGrainWithStringKey
{
    /// <summary>Adds a notification; one already there (same id) is left as it is (N-2).</summary>
    [Alias("Add")]
    Task AddAsync(Notification notification);

    /// <summary>Page <paramref name="page"/> (1-based), newest first.</summary>
    [Alias("Page")]
    Task<NotificationPage> PageAsync(int page, int pageSize);

    /// <summary>False when there is no such notification.</summary>
    [Alias("MarkRead")]
    Task<bool> MarkReadAsync(Guid id);
}
