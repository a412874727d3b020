using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using QppOrleans.Silo.Hosting;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Resilience;

/// <summary>
/// Silos lost, removed and added while Security Officials register (issue 9): real processes — PostgreSQL,
/// silos and the API — driven over HTTP by the deadline-surge flow.
/// </summary>
[Collection(SurgeTests.Collection)]
public sealed class SiloFailureTests(ITestOutputHelper output)
{
    /// <summary>
    /// A SIGKILL answers the calls in flight within 10 s and new flows succeed within 20 s (the
    /// membership and messaging settings of <see cref="Failover"/>), and loses nothing acknowledged
    /// (N-2, R-7, R-9).
    /// </summary>
    [Fact]
    public async Task A_silo_killed_mid_surge_answers_within_seconds_and_loses_no_acknowledged_write_no_registration_id_and_no_email()
    {
        const int people = 90;
        await using var cluster = await ProcessCluster.StartAsync("sigkill", 3);
        var load = await SurgeLoad.PrepareAsync(cluster, people);

        var surge = load.RunAsync(.., concurrency: 12);
        await Eventually.HoldsAsync(() => Task.FromResult(load.Registered.Count >= people / 2 || surge.IsCompleted), TimeSpan.FromMinutes(3), () => "a third of the surge to be done");
        var victim = cluster.Silos[1];
        var killedAt = load.Now;
        await victim.Process.KillAsync();
        await surge;

        Assert.DoesNotContain(load.Failures(), a => a.At < killedAt);
        var failures = load.Failures(killedAt);
        var disturbed = failures.Count == 0 ? TimeSpan.Zero : failures[^1].At - killedAt;
        output.WriteLine(
            $"SIGKILL of one of three silos during the surge: {failures.Count} of {load.Answers.Count} requests got no answer or a 5xx " +
            $"(by status: {string.Join(", ", failures.GroupBy(f => f.Status).Select(g => $"{g.Key}: {g.Count()}"))}); " +
            $"the last failure came {disturbed.TotalSeconds:F1} s after the kill; every flow completed after retries.");
        var touched = load.Answers.Where(a => a.At >= killedAt).ToList();
        var longest = touched.Max(a => a.Took);
        var recovered = load.Flows.Where(f => f.Started > killedAt).Select(f => f.Ended - killedAt).DefaultIfEmpty(TimeSpan.MaxValue).Min();
        output.WriteLine(
            $"Requests answered after the kill: {touched.Count}, {load.Answers.Count(a => a.Sent <= killedAt && a.At >= killedAt)} of them in flight at the kill; " +
            $"the longest waited {longest.TotalSeconds:F1} s; the first flow begun after the kill completed {recovered.TotalSeconds:F1} s after it.");
        Assert.True(longest <= TimeSpan.FromSeconds(10), $"a request waited {longest.TotalSeconds:F1} s for its answer after the kill");
        Assert.True(recovered <= TimeSpan.FromSeconds(20), $"no flow begun after the kill completed within 20 s of it ({recovered.TotalSeconds:F1} s)");
        Assert.True(disturbed <= TimeSpan.FromSeconds(20), $"requests still failed {disturbed.TotalSeconds:F1} s after the kill");

        // Every acknowledged write must be in PostgreSQL: read it back through a cluster started afresh.
        Assert.Equal(0, await cluster.StopApiAsync());
        foreach (var survivor in cluster.Silos.Where(s => s != victim))
        {
            Assert.Equal(0, await survivor.Process.TerminateAsync(TimeSpan.FromSeconds(60)));
        }

        cluster.StartSilo();
        await cluster.StartApiAsync();
        var (mismatches, registrationIds) = await load.ReadBackAsync();
        Assert.Empty(mismatches);
        Assert.Equal(people, registrationIds.Count);
        Assert.Equal(people, registrationIds.Distinct().Count());
        Assert.Equal(2 * people, load.Registered.Count + load.Answers.Count(a => a.Kind == "post-program" && a.Status == 409));

        // R-9 and N-: every contact got the email of each acknowledged registration, the crash notwithstanding.
        var took = await Eventually.HoldsAsync(
            () => Task.FromResult(load.RegistrationsWithoutEmail().Count == 0),
            TimeSpan.FromMinutes(3),
            () => "emails for: " + string.Join(", ", load.RegistrationsWithoutEmail().Take(20)));
        output.WriteLine($"{load.Registered.Count} acknowledged program registrations, all read back from PostgreSQL by a fresh cluster; " +
            $"{registrationIds.Count} distinct registration ids; every registration email delivered ({took.TotalSeconds:F1} s after the restart's read-back).");
    }

    [Fact]
    public async Task A_silo_added_under_load_takes_activations_and_one_stopped_with_SIGTERM_fails_no_request()
    {
        const int people = 80;
        await using var cluster = await ProcessCluster.StartAsync("scale", 2);
        var load = await SurgeLoad.PrepareAsync(cluster, people);
        await load.RunAsync(..20, concurrency: 8);

        using var stopReads = new CancellationTokenSource();
        var reads = load.ReadAsync(concurrency: 4, stopReads.Token);

        var added = cluster.StartSilo();
        var joined = await cluster.WaitForActiveSilosAsync(3);
        await load.RunAsync(20..50, concurrency: 4);
        using var management = await ManagementClientAsync(cluster);
        var statistics = await management.Services.GetRequiredService<IClusterClient>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        var onAdded = statistics.Where(s => s.SiloAddress.Endpoint.Port == added.SiloPort).ToList();
        var registrationsOnAdded = onAdded.Where(s => s.GrainType.StartsWith("QppOrleans.Grains.Registration.RegistrationGrain,", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
        Assert.True(registrationsOnAdded > 0, "the added silo hosts none of the registrations created after it joined: " +
            string.Join(", ", statistics.Select(s => $"{s.SiloAddress} {s.GrainType} {s.ActivationCount}")));

        var surge = load.RunAsync(50.., concurrency: 2);
        var leaving = cluster.Silos[0];
        var stoppedAt = load.Now;
        Assert.Equal(0, await leaving.Process.TerminateAsync(TimeSpan.FromSeconds(60)));
        var stopTook = load.Now - stoppedAt;
        await Task.Delay(TimeSpan.FromSeconds(5));
        await stopReads.CancelAsync();
        await Task.WhenAll(reads, surge);

        output.WriteLine(
            $"Scale-out: the third silo joined {joined.TotalSeconds:F1} s after start; of the 30 registrations created next it hosts " +
            $"{registrationsOnAdded} ({onAdded.Sum(s => s.ActivationCount)} activations in all). " +
            $"Scale-in: SIGTERM took {stopTook.TotalSeconds:F1} s; {load.Answers.Count} requests in all, " +
            $"{load.Failures().Count} failed (by status: {string.Join(", ", load.Failures().GroupBy(f => f.Status).Select(g => $"{g.Key}: {g.Count()}"))}).");
        Assert.True(load.Failures().Count == 0, "failed requests; the API said:\n" + cluster.Api!.Output);
        var (mismatches, registrationIds) = await load.ReadBackAsync();
        Assert.Empty(mismatches);
        Assert.Equal(people, registrationIds.Distinct().Count());
    }

    private static async Task<IHost> ManagementClientAsync(ProcessCluster cluster)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client => cluster.UseTls(client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = StorageSettings.PostgresInvariant;
                options.ConnectionString = cluster.ConnectionString;
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = "qpp";
                options.ServiceId = "qpp-access";
            })));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
