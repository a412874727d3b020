using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace QppOrleans.Portal.Tests.Infrastructure;

/// <summary>
/// The program a newcomer runs — <c>dotnet run --project src/Api</c> (here without rebuilding) —
/// on a fresh data file and free ports, once for all the browser tests: the embedded default with
/// the Development directory, the development mail sink and the portal at <c>/</c>. Lists show
/// <see cref="PageSize"/> entries a page, so that a few entries make a second page.
/// </summary>
public class PortalServer : IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("qpp-portal-").FullName;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    public const int PageSize = 5;

    public Uri BaseAddress { get; } = new($"http://127.0.0.1:{FreePort.Next()}/");

    public string Output => string.Join(Environment.NewLine, output);

    public async Task InitializeAsync()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Repository.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "run", "--no-build", "--configuration", Repository.Configuration, "--project", "src/Api", "--", "--urls", BaseAddress.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.StartsWith("ASPNETCORE_", StringComparison.Ordinal) || k.StartsWith("DOTNET_ENVIRONMENT", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["Embedded__DataFile"] = Path.Combine(dataDirectory, "qpp.db");
        start.Environment["Orleans__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        start.Environment["Orleans__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        // Passwords hashed at the fewest iterations a silo accepts, not the shipped 100,000: the tests open and sign in to many accounts.
        start.Environment["Accounts__PasswordHashing__Iterations"] = "10000";
        // Every test signs people in from this one machine: the per-client and per-account allowances are for the real world.
        foreach (var rule in new[] { "SignIn", "AccountCreation", "PasswordReset", "AccessRequests" })
        {
            start.Environment[$"RateLimits__{rule}__PerClient"] = "100000";
            start.Environment[$"RateLimits__{rule}__PerAccount"] = "100000";
        }
        start.Environment["Portal__KeysDirectory"] = Path.Combine(dataDirectory, "keys");
        start.Environment["Portal__PageSize"] = PageSize.ToString(CultureInfo.InvariantCulture);
        Configure(start.Environment);

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("The API ended before it was ready: " + Output);
            }

            try
            {
                if ((await http.GetAsync("health/ready")).IsSuccessStatusCode && Output.Contains("Development directory loaded", StringComparison.Ordinal))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The API was not ready within 90 s: " + Output);
            }

            await Task.Delay(250);
        }
    }

    public async Task DisposeAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process?.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    /// <summary>Settings of a server that differs from the shared one.</summary>
    protected virtual void Configure(IDictionary<string, string?> environment)
    {
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 500 && output.TryDequeue(out _))
        {
        }
    }
}
