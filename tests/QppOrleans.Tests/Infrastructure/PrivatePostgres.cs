using System.Diagnostics;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (started with scripts/lib/postgres.sh, as the test script
/// starts the shared one), which the test may stop and start again without disturbing the others.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), $"qpp-pg-{Guid.NewGuid():N}"[..20]);

    public int Port { get; } = FreePort.Next();

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=10";

    /// <summary>Starts the server; the second and later times on the data it already holds.</summary>
    public Task StartAsync() => ScriptAsync($"PG_FAST=1 pg_start_throwaway \"$1\" {Port}");

    /// <summary>A fast shutdown: open transactions are rolled back, connections are cut.</summary>
    public Task StopAsync() => ScriptAsync("pg_stop \"$1\"");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        System.IO.Directory.Delete(directory, recursive: true);
    }

    private async Task ScriptAsync(string command)
    {
        var library = Path.Combine(Repository.Root, "scripts", "lib", "postgres.sh");
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", $"set -e; source \"$0\"; {command}", library, directory })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`{command}` failed ({process.ExitCode}): {await output}{await errors}");
        }
    }
}
