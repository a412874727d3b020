using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Diagnostics;
using QppOrleans.Silo.Hosting;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Cluster;

/// <summary>
/// A silo process on PostgreSQL with <c>Orleans:Tls</c> set to a certificate its own
/// <c>generate-certificate</c> command wrote: over real TCP, a client holding that certificate, or
/// one whose thumbprint the silo lists, reaches grains; a client with another certificate, or with
/// none, is not let in.
/// </summary>
[Collection(ProcessTests.Collection)]
public sealed class ClusterTlsTests
{
    [Fact]
    public async Task Only_clients_with_the_cluster_certificate_or_a_listed_one_reach_the_silos()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("qpp-tls-").FullName;
        var path = Path.Combine(directory, "cluster.pfx");
        await using (var generate = ChildProcess.Start(Repository.Root, new Dictionary<string, string>(), Repository.SiloDll, "generate-certificate", "--out", path))
        {
            Assert.Equal(0, await generate.ExitCodeAsync(TimeSpan.FromSeconds(60)));
        }

        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, null);
        using var next = ClusterTls.CreateSelfSigned("qpp-cluster");
        var connectionString = await TestPostgres.CreateDatabaseAsync("tls");
        await using var silo = ChildProcess.Start(Repository.Root, new Dictionary<string, string>
        {
            ["ConnectionStrings__Orleans"] = connectionString,
            ["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__Tls__CertificatePath"] = path,
            ["Orleans__Tls__TrustedThumbprints__0"] = ClusterTls.Thumbprint(next),
            ["DOTNET_ENVIRONMENT"] = "Production",
        }, Repository.SiloDll);
        try
        {
            await Eventually.HoldsAsync(
                async () => await TestPostgres.ScalarAsync<int>(connectionString, "SELECT count(*) FROM qpp_membership WHERE status = 3") == 1,
                TimeSpan.FromSeconds(90),
                () => "an active silo; output: " + silo.Output);
            Assert.DoesNotContain("plain TCP", silo.Output, StringComparison.Ordinal);

            Assert.Equal("over tls", await CallAsync(connectionString, client => client.UseTls(certificate, o => new ClusterTls().Configure(o, certificate))));
            Assert.Equal("over tls", await CallAsync(connectionString, client =>
                client.UseTls(next, o => new ClusterTls { TrustedThumbprints = [ClusterTls.Thumbprint(certificate)] }.Configure(o, next))));

            using var stranger = ClusterTls.CreateSelfSigned("qpp-cluster");
            await Assert.ThrowsAnyAsync<Exception>(() => CallAsync(connectionString, client =>
                client.UseTls(stranger, o => new ClusterTls { TrustedThumbprints = [ClusterTls.Thumbprint(certificate)] }.Configure(o, stranger))));
            await Assert.ThrowsAnyAsync<Exception>(() => CallAsync(connectionString, _ => { }));
        }
        finally
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Starts a client of the cluster with the given transport and writes a probe, within fifteen seconds.</summary>
    private static async Task<string?> CallAsync(string connectionString, Action<Orleans.Hosting.IClientBuilder> transport)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.UseOrleansClient(client =>
        {
            client.Configure<ClusterOptions>(options => (options.ClusterId, options.ServiceId) = ("qpp", "qpp-access"));
            client.UseAdoNetClustering(options => (options.Invariant, options.ConnectionString) = (StorageSettings.PostgresInvariant, connectionString));
            transport(client);
        });
        using var host = builder.Build();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        await host.StartAsync(timeout.Token);
        try
        {
            var reading = await host.Services.GetRequiredService<IClusterClient>().GetGrain<IProbeGrain>(GrainKeys.Probe("tls")).WriteAsync("over tls").WaitAsync(timeout.Token);
            return reading.Value;
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }
}
