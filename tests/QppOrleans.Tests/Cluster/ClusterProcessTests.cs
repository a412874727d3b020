using System.Net.Http.Json;
using QppOrleans.Grains.Abstractions.Diagnostics;
using QppOrleans.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QppOrleans.Tests.Cluster;

/// <summary>
/// The cluster as operators run it: silo processes and an API process on PostgreSQL, over real
/// TCP and HTTP.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class ClusterProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Three_silos_started_at_once_on_an_empty_database_all_join_and_an_API_client_survives_a_silo_kill()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync("processes");
        var silos = Enumerable.Range(0, 3).Select(_ => StartSilo(connectionString)).ToList();
        await using var apiProcess = default(ChildProcess);
        try
        {
            await Eventually.HoldsAsync(
                async () => await TestPostgres.ScalarAsync<int>(connectionString, "SELECT count(*) FROM qpp_membership WHERE status = 3") == 3,
                TimeSpan.FromSeconds(120),
                () => "three active silos; output: " + string.Join("\n----\n", silos.Select(s => s.Process.Output)));
            Assert.All(silos, silo => Assert.False(silo.Process.HasExited));
            Assert.Equal(QppOrleans.Silo.Schema.Migration.For(QppOrleans.Silo.Schema.SchemaDialect.PostgreSql).Count, await TestPostgres.ScalarAsync<int>(connectionString, "SELECT count(*) FROM qpp_schema_version"));

            var apiPort = FreePort.Next();
            var api = ChildProcess.Start(Repository.Root, new Dictionary<string, string>
            {
                ["ConnectionStrings__Orleans"] = connectionString,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["Auth__SigningKey"] = "a-test-signing-key-of-at-least-thirty-two-bytes",
            }, Repository.ApiDll, "--urls", $"http://127.0.0.1:{apiPort}");
            await using var _ = api;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{apiPort}") };
            await Eventually.HoldsAsync(
                async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
                TimeSpan.FromSeconds(90),
                () => "API ready; output: " + api.Output);

            var written = await (await http.PutAsJsonAsync("/api/dev/probes/cluster-failover", new { value = "kept" })).Content.ReadFromJsonAsync<ProbeReading>();
            var host = silos.Single(silo => written!.Silo.Contains($":{silo.SiloPort}:", StringComparison.Ordinal));
            await host.Process.KillAsync();

            ProbeReading? after = null;
            var took = await Eventually.HoldsAsync(
                async () =>
                {
                    var response = await http.GetAsync("/api/dev/probes/cluster-failover");
                    after = response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<ProbeReading>() : null;
                    return after is not null;
                },
                TimeSpan.FromSeconds(120),
                () => "the API to answer again after the kill; output: " + api.Output);
            output.WriteLine($"After SIGKILL of the hosting silo the API answered again within {took.TotalSeconds:F1} s.");

            Assert.Equal("kept", after!.Value);
            Assert.NotEqual(written!.Silo, after.Silo);

            var exitCodes = await Task.WhenAll(silos.Where(s => s != host).Select(s => s.Process.TerminateAsync(TimeSpan.FromSeconds(60))));
            Assert.All(exitCodes, code => Assert.Equal(0, code));
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.Process.DisposeAsync();
            }
        }
    }

    private static RunningSilo StartSilo(string connectionString)
    {
        var siloPort = FreePort.Next();
        var process = ChildProcess.Start(Repository.Root, new Dictionary<string, string>
        {
            ["ConnectionStrings__Orleans"] = connectionString,
            ["Orleans__SiloPort"] = siloPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["DOTNET_ENVIRONMENT"] = "Production",
        }, Repository.SiloDll);
        return new RunningSilo(process, siloPort);
    }

    private sealed record RunningSilo(ChildProcess Process, int SiloPort);
}
