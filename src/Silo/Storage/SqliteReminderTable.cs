using QppOrleans.Silo.Hosting;

namespace QppOrleans.Silo.Storage;

/// <summary>
/// The embedded default's reminder table: the Orleans ADO.NET reminder table reads the rows, and
/// registering or removing one goes through the <see cref="SqliteWriter"/>, in the transactions it
/// shares with grain state.
/// </summary>
public sealed class SqliteReminderTable(IReminderTable reads, SqliteWriter writer, string serviceId) : ReminderTableDecorator(reads)
{
    public override async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) =>
        await writer.UpsertReminderAsync(serviceId, entry);

    public override Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        writer.RemoveReminderAsync(serviceId, grainId, reminderName, eTag);
}
