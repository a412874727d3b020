namespace QppOrleans.Silo.Storage;

/// <summary>
/// The embedded default's reminder table: the Orleans ADO.NET reminder table reads the rows, and
/// registering or removing one goes through the <see cref="SqliteWriter"/>, in the transactions it
/// shares with grain state.
/// </summary>
public sealed class SqliteReminderTable(IReminderTable reads, SqliteWriter writer, string serviceId) : IReminderTable
{
    public Task StartAsync(CancellationToken cancellationToken = default) => reads.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken = default) => reads.StopAsync(cancellationToken);

    public Task<ReminderTableData> ReadRows(GrainId grainId) => reads.ReadRows(grainId);

    public Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken) => reads.ReadRows(grainId, cancellationToken);

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => reads.ReadRows(begin, end);

    public Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken) => reads.ReadRows(begin, end, cancellationToken);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => reads.ReadRow(grainId, reminderName);

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken) =>
        reads.ReadRow(grainId, reminderName, cancellationToken);

    public async Task<string?> UpsertRow(ReminderEntry entry) => await writer.UpsertReminderAsync(serviceId, entry);

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) => UpsertRow(entry);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => writer.RemoveReminderAsync(serviceId, grainId, reminderName, eTag);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        RemoveRow(grainId, reminderName, eTag);

    public Task TestOnlyClearTable() => reads.TestOnlyClearTable();

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => reads.TestOnlyClearTable(cancellationToken);
}
