using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications;

/// <summary>A person's on-screen notifications (N-1).</summary>
public sealed class InboxGrain(
    [PersistentState("inbox", QppStorage.Name)] IPersistentState<InboxState> state) : Grain, IInboxGrain
{
    public const int Capacity = 500;

    private List<Notification> Items => state.State.Items;

    async Task IInboxGrain.AddAsync(Notification notification)
    {
        if (Items.Exists(n => n.Id == notification.Id))
        {
            return;
        }

        Items.Add(notification);
        Items.Sort((a, b) => a.At.CompareTo(b.At));
        if (Items.Count > Capacity)
        {
            Items.RemoveRange(0, Items.Count - Capacity);
        }

        await this.WriteOrDeactivateAsync(state);
    }

    Task<NotificationPage> IInboxGrain.PageAsync(int page, int pageSize)
    {
        var newestFirst = Enumerable.Reverse(Items).Skip((page - 1) * pageSize).Take(pageSize).ToArray();
        return Task.FromResult(new NotificationPage(newestFirst, page, pageSize, Items.Count, Items.Count(n => !n.Read)));
    }

    async Task<bool> IInboxGrain.MarkReadAsync(Guid id)
    {
        var index = Items.FindIndex(n => n.Id == id);
        if (index < 0)
        {
            return false;
        }

        if (!Items[index].Read)
        {
            Items[index] = Items[index] with { Read = true };
            await this.WriteOrDeactivateAsync(state);
        }

        return true;
    }
}
