using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace QppOrleans.Bench;

/// <summary>
/// The baseline: a minimal ASP.NET Core endpoint per portal read and for the type-ahead search
/// that builds and serializes JSON of the same shape as the service's answer, with no Orleans, no
/// storage and no authentication. Results against it turn absolute figures into ratios that hold
/// on any machine. It runs as a process of its own, as the service does, with the service's
/// garbage collector (server GC, a fixed heap per core): inside the benchmark's process its
/// answers were completed on the threads that sent the requests, a shortcut no server has.
/// </summary>
internal sealed class BaselineServer : IAsyncDisposable
{
    public const string Command = "baseline-server";

    private readonly Process process;

    private BaselineServer(Process process, Uri url) => (this.process, Url) = (process, url);

    public Uri Url { get; }

    /// <summary>The baseline's process, whose CPU the loops report as they do the service's.</summary>
    public ServerProcess Server => new(process.Id);

    /// <summary>Starts this tool again as <c>baseline-server --port P</c> and waits until it answers.</summary>
    public static async Task<BaselineServer> StartAsync()
    {
        var port = LocalServer.FreePort();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardInput = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var argument in new[] { Command, "--port", port.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_gcServer"] = "1";
        start.Environment["DOTNET_GCDynamicAdaptationMode"] = "0";
        var server = new BaselineServer(Process.Start(start)!, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await Readiness.WaitAsync("the baseline server", server.Url, "/api/registrations/2026", TimeSpan.FromSeconds(30));
            return server;
        }
        catch (HttpRequestException)
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>The child's side: serves until the benchmark closes its standard input (or ends).</summary>
    public static async Task<int> ServeAsync(int port)
    {
        await using var server = await LocalServer.StartAsync(port, Map);
        await Console.In.ReadToEndAsync();
        return 0;
    }

    public async ValueTask DisposeAsync()
    {
        process.StandardInput.Close();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await process.WaitForExitAsync(patience.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }

    private static void Map(WebApplication app)
    {
        app.MapGet("/api/me/organizations", (HttpRequest request) => Results.Ok(new
        {
            practices = new[] { new { orgType = "practice", orgId = "912000001", name = "Surge Practice 1", role = "security-official", connectedUsers = 1,
                registration = new { performanceYear = 2026, webInterface = new { registered = true, registrationId = "100001" }, cahps = new { registered = true, registrationId = "100001" } } } },
            apmEntities = Array.Empty<object>(), registries = Array.Empty<object>(), virtualGroups = Array.Empty<object>(),
        }));
        app.MapGet("/api/registrations/{py:int}/{orgType}/{orgId}", (int py, string orgType, string orgId) => Results.Ok(new
        {
            orgType, orgId, performanceYear = py, registrationId = "100001", size = "25-99",
            organization = new { name = "Surge Practice 1", address1 = "1 Main St", address2 = (string?)null, city = "Baltimore", state = "MD", zip = "21239" },
            contacts = new[] { new { contactId = "c1", firstName = "Jane", lastName = "Doe", email = "contact@bench.example.org", phone = "4105550123", extension = (string?)null } },
            webInterface = new { registered = true, registeredAt = DateTimeOffset.UtcNow, auto = false }, cahps = new { registered = true, registeredAt = DateTimeOffset.UtcNow, auto = false },
            sampling = (object?)null, contactDraft = (object?)null,
        }));
        app.MapGet("/api/registrations/{py:int}", (int py) => Results.Ok(new
        {
            total = 1,
            organizations = new[] { new { orgType = "practice", orgId = "912000001", name = "Surge Practice 1", size = "25-99", registrationId = "100001",
                webInterface = new { registered = true, registrationId = "100001" }, cahps = new { registered = true, registrationId = "100001" } } },
        }));
        // A type-ahead answer: a full page of matches, as most typed prefixes of a large
        // directory fill it (the directory scenario reports the service's mean answer size).
        var page = Enumerable.Range(1, 20).Select(i => new { orgType = "practice", orgId = $"{100000000 + i}", name = $"Synthetic Family Practice {i}", city = "Baltimore", state = "MD" }).ToArray();
        app.MapGet("/api/organizations/search", (string type, string q) => Results.Ok(page.Select(o => new { o.orgType, o.orgId, o.name, o.city, o.state }).ToArray()));
    }
}
