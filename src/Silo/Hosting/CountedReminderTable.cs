using QppOrleans.Grains;
using QppOrleans.Grains.Runtime;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The silo's reminder table, counting each row it registers or removes in
/// <see cref="QppMetrics.StorageWrites"/> (<c>store</c> = <c>reminders</c>): a reminder costs a
/// database write like a grain's state does.
/// </summary>
public class CountedReminderTable(IReminderTable inner, string mode) : ReminderTableDecorator(inner)
{
    public override async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = await base.UpsertRow(entry, cancellationToken);
        QppMetrics.StorageWritten(entry.GrainId, "reminders", mode);
        return etag;
    }

    public override async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var removed = await base.RemoveRow(grainId, reminderName, eTag, cancellationToken);
        QppMetrics.StorageWritten(grainId, "reminders", mode);
        return removed;
    }
}
