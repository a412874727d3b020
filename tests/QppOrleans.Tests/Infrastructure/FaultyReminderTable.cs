using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The silo's real reminder table, except that registering a reminder for a grain named in
/// <see cref="FailNextUpserts"/> fails that many times — as it does when the silo owning the
/// grain's reminders has just died.
/// </summary>
public sealed class FaultyReminderTable(IReminderTable inner) : IReminderTable
{
    public static ConcurrentDictionary<GrainId, int> FailNextUpserts { get; } = new();

    /// <summary>Wraps the reminder table already registered in <paramref name="services"/>.</summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(IReminderTable));
        services.Remove(original);
        services.AddSingleton<IReminderTable>(provider => new FaultyReminderTable(original switch
        {
            { ImplementationFactory: { } factory } => (IReminderTable)factory(provider),
            { ImplementationInstance: IReminderTable instance } => instance,
            _ => (IReminderTable)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!),
        }));
    }

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

    public Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) => TakeFailure(entry.GrainId)
        ? throw new TimeoutException($"Registering reminder {entry.ReminderName} of {entry.GrainId} timed out (a fault injected by the test).")
        : inner.UpsertRow(entry, cancellationToken);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => inner.RemoveRow(grainId, reminderName, eTag);

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken) =>
        inner.RemoveRow(grainId, reminderName, eTag, cancellationToken);

    public Task TestOnlyClearTable() => inner.TestOnlyClearTable();

    public Task TestOnlyClearTable(CancellationToken cancellationToken) => inner.TestOnlyClearTable(cancellationToken);

    private static bool TakeFailure(GrainId grain)
    {
        while (FailNextUpserts.TryGetValue(grain, out var left))
        {
            if (left <= 1 ? FailNextUpserts.TryRemove(KeyValuePair.Create(grain, left)) : FailNextUpserts.TryUpdate(grain, left - 1, left))
            {
                return true;
            }
        }

        return false;
    }
}
