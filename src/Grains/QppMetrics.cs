using System.Diagnostics.Metrics;

namespace QppOrleans.Grains;

/// <summary>The domain's own counters, on the meter the telemetry set-up exports.</summary>
public static class QppMetrics
{
    public const string MeterName = "QppOrleans";

    private static readonly Meter Meter = new(MeterName);

    public static readonly Counter<long> EventsPublished = Meter.CreateCounter<long>("qpp.events.published", description: "Event publications, repeats included");
    public static readonly Counter<long> EmailsSent = Meter.CreateCounter<long>("qpp.email.sent", description: "Emails handed to the SMTP server");
    public static readonly Counter<long> EmailFailures = Meter.CreateCounter<long>("qpp.email.failures", description: "Failed send attempts, by outcome (retry, refused)");

    /// <summary>
    /// Rows storage wrote or deleted for grains: their state (<c>store</c> = <c>state</c>) and their
    /// reminders (<c>reminders</c>), by <c>grain.type</c> and <c>mode</c> (<c>embedded</c>, <c>cluster</c>).
    /// What a surge costs the database, counted where it is spent.
    /// </summary>
    public static readonly Counter<long> StorageWrites = Meter.CreateCounter<long>("qpp.storage.writes", unit: "{write}",
        description: "Grain state and reminder rows written or deleted, by grain type, store and mode");

    public static void StorageWritten(GrainId grain, string store, string mode) =>
        StorageWrites.Add(1, new("grain.type", grain.Type.ToString()), new("store", store), new("mode", mode));
}
