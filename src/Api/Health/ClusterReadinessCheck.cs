using Microsoft.Extensions.Diagnostics.HealthChecks;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Diagnostics;

namespace QppOrleans.Api.Health;

/// <summary>
/// Ready means a grain call reaches a silo of the cluster and that silo reads from storage.
/// </summary>
internal sealed class ClusterReadinessCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var reading = await grains.Reference<IProbeGrain>(GrainKeys.Probe("readiness"))
                .CheckStorageAsync()
                .WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"Storage answered through silo {reading.Silo}.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("The cluster or its storage is not answering.", exception);
        }
    }
}
