using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Grains;
using QppOrleans.Silo.Hosting;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The silo's real reminder table, except that registering a reminder for a grain named in
/// <see cref="FailNextUpserts"/> fails that many times — as it does when the silo owning the
/// grain's reminders has just died.
/// </summary>
public sealed class FaultyReminderTable(IReminderTable inner) : CountedReminderTable(inner, StorageMode.Cluster)
{
    public static ConcurrentDictionary<GrainId, int> FailNextUpserts { get; } = new();

    /// <summary>Takes the place of the counting reminder table registered in <paramref name="services"/>, around the same table.</summary>
    public static void Install(IServiceCollection services) =>
        services.Decorate<IReminderTable>((_, table) => new FaultyReminderTable(table is CountedReminderTable counted ? counted.Inner : table));

    public override Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken) => TakeFailure(entry.GrainId)
        ? throw new TimeoutException($"Registering reminder {entry.ReminderName} of {entry.GrainId} timed out (a fault injected by the test).")
        : base.UpsertRow(entry, cancellationToken);

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
