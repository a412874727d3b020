using QppOrleans.Grains;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// The silo's reminder table, counting each row it registers or removes in
/// <see cref="QppMetrics.StorageWrites"/> (<c>store</c> = <c>reminders</c>): a reminder costs a
/// database write like a grain's state does.
/// </summary>
public class CountedReminderTable(IReminderTable inner, string mode) : IReminderTable
{
    /// <summary>The table counted.</summary>
    public IReminderTable Inner => inner;

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => inner.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => inner.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => inner.ReadRows(grainId, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => inner.ReadRows(begin, end);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => inner.ReadRows(begin, end, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => inner.ReadRow(grainId, reminderName);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        inner.ReadRow(grainId, reminderName, cancellationToken);

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public virtual async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        var etag = await inner.UpsertRow(entry, cancellationToken);
        QppMetrics.StorageWritten(entry.GrainId, "reminders", mode);
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        var removed = await inner.RemoveRow(grainId, reminderName, eTag, cancellationToken);
        QppMetrics.StorageWritten(grainId, "reminders", mode);
        return removed;
    }

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => inner.TestOnlyClearTable(cancellationToken);
}
