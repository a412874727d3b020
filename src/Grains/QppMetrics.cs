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
}
