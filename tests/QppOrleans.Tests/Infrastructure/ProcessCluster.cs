using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using QppOrleans.Api.Accounts;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// The cluster as operators run it, as real processes: silos and an API (Production settings) on
/// a fresh PostgreSQL database, mutual TLS between them, mail to a real SMTP server, a registration
/// window open now. Outbox
/// and mail retries are seconds instead of minutes; failure detection keeps Orleans' defaults.
/// </summary>
public sealed class ProcessCluster : IAsyncDisposable
{
    public const string Operator = "cluster-operator";
    public const int Year = 2026;
    private const string SigningKey = "a-test-signing-key-of-at-least-thirty-two-bytes";

    private readonly List<SiloProcess> silos = [];

    private readonly string certificatePath = Path.Combine(System.IO.Directory.CreateTempSubdirectory("qpp-cluster-tls-").FullName, "cluster.pfx");

    private ProcessCluster(string connectionString)
    {
        ConnectionString = connectionString;
        using var certificate = QppOrleans.Silo.Hosting.ClusterTls.CreateSelfSigned("qpp-test-cluster");
        File.WriteAllBytes(certificatePath, certificate.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pkcs12));
    }

    public string ConnectionString { get; }

    public SmtpTestServer Smtp { get; } = new();

    public IReadOnlyList<SiloProcess> Silos => silos;

    public ChildProcess? Api { get; private set; }

    public Uri ApiAddress { get; private set; } = null!;

    /// <summary>Issues tokens as the API does (same key); the accounts must exist.</summary>
    public AccessTokens Tokens { get; } = new(Options.Create(new AuthOptions { SigningKey = SigningKey }), TimeProvider.System);

    public static async Task<ProcessCluster> StartAsync(string purpose, int siloCount)
    {
        var cluster = new ProcessCluster(await TestPostgres.CreateDatabaseAsync(purpose));
        try
        {
            await cluster.Smtp.StartAsync();
            for (var i = 0; i < siloCount; i++)
            {
                cluster.StartSilo();
            }

            // The provisioning command and the API are clients of the cluster: they keep trying while the silos start.
            await Task.WhenAll(cluster.WaitForActiveSilosAsync(siloCount), cluster.ProvisionOperatorAsync(), cluster.StartApiAsync());
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    /// <summary>The README's provisioning command, as an operator runs it against the cluster; tokens for <see cref="Operator"/> then carry epoch 0.</summary>
    public async Task ProvisionOperatorAsync()
    {
        var settings = new Dictionary<string, string>(Shared())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__SigningKey"] = SigningKey,
            ["Access__Operators__0"] = Operator,
            ["QPP_OPERATOR_PASSWORD"] = "Ops-Password-2026-Strong",
        };
        await using var command = ChildProcess.Start(Path.GetDirectoryName(Repository.ApiDll)!, settings, Repository.ApiDll,
            "provision-operator", "--user-id", Operator, "--first-name", "Cluster", "--last-name", "Operator", "--email", "cluster-operator@example.org");
        var code = await command.ExitCodeAsync(TimeSpan.FromSeconds(120));
        Assert.True(code == 0, $"provision-operator exited with {code}: {command.Output}");
    }

    /// <summary>A client of this cluster made in the test: it presents the cluster's certificate like the API does.</summary>
    public IClientBuilder UseTls(IClientBuilder client)
    {
        var tls = new QppOrleans.Silo.Hosting.ClusterTls { CertificatePath = certificatePath };
        var certificate = tls.LoadCertificate();
        return client.UseTls(certificate, options => tls.Configure(options, certificate));
    }

    public SiloProcess StartSilo()
    {
        var siloPort = FreePort.Next();
        var settings = new Dictionary<string, string>(Shared())
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Orleans__SiloPort"] = siloPort.ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__AdvertisedIP"] = "127.0.0.1",
            ["Orleans__ReminderOptions__MinimumReminderPeriod"] = "00:00:01",
            ["Email__Delivery"] = "Smtp",
            ["Email__Smtp__Host"] = "127.0.0.1",
            ["Email__Smtp__Port"] = Smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Email__Smtp__Security"] = "None",
            ["Email__RetryDelay"] = "00:00:00.250",
            ["Email__MaxRetryDelay"] = "00:00:01",
            ["Events__RetryDelay"] = "00:00:01",
            ["Events__MaxRetryDelay"] = "00:00:02",
            ["Events__WakeUpPeriod"] = "00:00:05",
        };
        var silo = new SiloProcess(ChildProcess.Start(Repository.Root, settings, Repository.SiloDll), siloPort);
        silos.Add(silo);
        return silo;
    }

    /// <summary>Waits until <paramref name="count"/> silos are active in the membership table.</summary>
    public async Task<TimeSpan> WaitForActiveSilosAsync(int count) => await Eventually.HoldsAsync(
        async () => await TestPostgres.ScalarAsync<int>(ConnectionString, "SELECT count(*) FROM qpp_membership WHERE status = 3") == count,
        TimeSpan.FromSeconds(120),
        () => $"{count} active silos; output: " + string.Join("\n----\n", silos.Select(s => s.Process.Output[^Math.Min(3000, s.Process.Output.Length)..])));

    public async Task StartApiAsync()
    {
        var port = FreePort.Next();
        ApiAddress = new Uri($"http://127.0.0.1:{port}");
        var settings = new Dictionary<string, string>(Shared())
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Auth__SigningKey"] = SigningKey,
            ["Access__Operators__0"] = Operator,
            ["RateLimits__SignIn__PerClient"] = "100000",
            ["RateLimits__SignIn__PerAccount"] = "100000",
            ["RateLimits__AccountCreation__PerClient"] = "100000",
            ["RateLimits__AccessRequests__PerClient"] = "100000",
            ["RateLimits__RegistrationWrites__PerClient"] = "100000",
            ["RateLimits__RegistrationWrites__PerAccount"] = "100000",
        };
        var api = Api = ChildProcess.Start(Path.GetDirectoryName(Repository.ApiDll)!, settings, Repository.ApiDll, "--urls", ApiAddress.ToString());
        using var http = new HttpClient { BaseAddress = ApiAddress };
        await Eventually.HoldsAsync(
            async () => (await http.GetAsync("/health/ready")).IsSuccessStatusCode,
            TimeSpan.FromSeconds(90),
            () => "the API to be ready; output: " + api.Output);
    }

    /// <summary>SIGTERM to the API process; its exit code.</summary>
    public async Task<int> StopApiAsync()
    {
        var code = await Api!.TerminateAsync(TimeSpan.FromSeconds(60));
        await Api.DisposeAsync();
        Api = null;
        return code;
    }

    public HttpClient Client(string? token = null)
    {
#pragma warning disable CA2000 // The client owns its handler and disposes it with itself.
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }, disposeHandler: true) { BaseAddress = ApiAddress, Timeout = TimeSpan.FromSeconds(60) };
#pragma warning restore CA2000
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }

        foreach (var silo in silos)
        {
            await silo.Process.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        System.IO.Directory.Delete(Path.GetDirectoryName(certificatePath)!, recursive: true);
    }

    private Dictionary<string, string> Shared() => new()
    {
        ["ConnectionStrings__Orleans"] = ConnectionString,
        ["Orleans__Tls__CertificatePath"] = certificatePath,
        ["Registration__CurrentYear"] = Year.ToString(CultureInfo.InvariantCulture),
        ["Registration__Windows__2026__Opens"] = "2026-01-04T10:00:00-05:00",
        ["Registration__Windows__2026__Closes"] = "2027-06-30T20:00:00-04:00",
        ["Registration__Windows__2026__Programs__0"] = "web-interface",
        ["Registration__Windows__2026__Programs__1"] = "cahps",
    };
}

/// <summary>A silo process and the port it advertises (silo addresses read <c>127.0.0.1:{port}:{generation}</c>).</summary>
public sealed record SiloProcess(ChildProcess Process, int SiloPort);
