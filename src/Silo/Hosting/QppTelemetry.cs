using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace QppOrleans.Silo.Hosting;

/// <summary>
/// Traces and metrics for ASP.NET Core (added by the API), Orleans, Npgsql and the domain's own
/// source and meter; exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, the
/// metrics alone with <c>OTEL_TRACES_EXPORTER=none</c>.
/// </summary>
public static class QppTelemetry
{
    public const string SourceName = "QppOrleans";
    public const string MeterName = Grains.QppMetrics.MeterName;

    public static readonly ActivitySource Source = new(SourceName);
    public static readonly Meter Meter = new(MeterName);

    public static IHostApplicationBuilder AddQppTelemetry(
        this IHostApplicationBuilder builder,
        string serviceName,
        Action<TracerProviderBuilder>? tracing = null,
        Action<MeterProviderBuilder>? metrics = null)
    {
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(serviceName))
            .WithMetrics(meter =>
            {
                meter.AddMeter("Microsoft.Orleans", "Npgsql", MeterName).AddRuntimeInstrumentation();
                metrics?.Invoke(meter);
            });

        // Spans are recorded only when something receives them: a listener on every request and
        // grain call costs a quarter of the portal-read throughput (BENCHMARKS.md).
        if (IsTracing(builder.Configuration))
        {
            telemetry.WithTracing(trace =>
            {
                trace.AddSource("Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application", SourceName).AddNpgsql();
                tracing?.Invoke(trace);
            });
        }

        if (IsExporting(builder.Configuration))
        {
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Spans are recorded, and carried across grain calls, only when they are exported.</summary>
    public static bool IsTracing(IConfiguration configuration) =>
        IsExporting(configuration) && !string.Equals(configuration["OTEL_TRACES_EXPORTER"], "none", StringComparison.OrdinalIgnoreCase);

    private static bool IsExporting(IConfiguration configuration) => !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
}
