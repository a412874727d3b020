using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Diagnostics;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Cluster;

/// <summary>On a cluster of its own: it kills a silo.</summary>
public sealed class SiloFailoverTests(PostgresClusterFixture fixture, ITestOutputHelper output) : IClassFixture<PostgresClusterFixture>
{
    [Fact]
    public async Task State_written_through_one_silo_is_read_through_the_other_after_the_first_is_killed()
    {
        var cluster = fixture.Cluster;
        var grain = cluster.Client.GetGrain<IProbeGrain>(GrainKeys.Probe($"failover-{Guid.NewGuid():N}"));
        var written = await grain.WriteAsync("acknowledged before the crash");
        var host = cluster.Silos.Single(silo => silo.SiloAddress.ToString() == written.Silo);

        await cluster.KillSiloAsync(host);

        ProbeReading? after = null;
        var took = await Eventually.HoldsAsync(
            async () => (after = await grain.ReadAsync()) is not null,
            TimeSpan.FromSeconds(90),
            () => "the grain did not answer from the surviving silo");
        output.WriteLine($"The grain answered from the surviving silo {took.TotalSeconds:F1} s after the kill.");

        Assert.Equal("acknowledged before the crash", after!.Value);
        Assert.Equal(1, after.Writes);
        Assert.NotEqual(written.Silo, after.Silo);
        Assert.Equal(
            1,
            await TestPostgres.ScalarAsync<int>(fixture.ConnectionString, "SELECT count(*) FROM qpp_membership WHERE status = 3"));
    }
}
