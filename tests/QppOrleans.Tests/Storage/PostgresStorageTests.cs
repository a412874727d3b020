using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Storage;

public sealed class PostgresStorageTests(PostgresClusterFixture fixture)
    : OptimisticConcurrencyContract(fixture.Cluster), IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task Reminders_round_trip_through_the_PostgreSQL_reminder_table()
    {
        var table = fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IReminderTable>();
        var grain = GrainId.Create("probe", $"probe/reminder-{Guid.NewGuid():N}");
        var entry = new ReminderEntry { GrainId = grain, ReminderName = "outbox", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(1) };

        var first = await table.UpsertRow(entry);
        var second = await table.UpsertRow(entry);
        var row = await table.ReadRow(grain, "outbox");
        var hash = grain.GetUniformHashCode();

        Assert.NotEqual(first, second);
        Assert.Equal(second, row!.ETag);
        Assert.Equal(TimeSpan.FromMinutes(1), row.Period);
        Assert.Contains((await table.ReadRows(grain)).Reminders, r => r.ReminderName == "outbox");
        Assert.Contains((await table.ReadRows(unchecked(hash - 1), hash)).Reminders, r => r.GrainId == grain);
        Assert.Contains((await table.ReadRows(unchecked(hash + 1), hash)).Reminders, r => r.GrainId == grain);
        Assert.False(await table.RemoveRow(grain, "outbox", first!));
        Assert.True(await table.RemoveRow(grain, "outbox", second!));
        Assert.Null(await table.ReadRow(grain, "outbox"));
    }
}
