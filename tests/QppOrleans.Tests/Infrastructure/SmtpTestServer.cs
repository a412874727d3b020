using MimeKit;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on loopback (Python's standard-library <c>smtpd</c>, see smtp_sink.py) that
/// can be stopped and started again on the same port. Received messages are read back from disk.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("qpp-smtp-").FullName;
    private ChildProcess? process;

    public int Port { get; } = FreePort.Next();

    public async Task StartAsync()
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Infrastructure", "smtp_sink.py");
        process = ChildProcess.StartProgram("python3", directory, new Dictionary<string, string>(), script, Port.ToString(System.Globalization.CultureInfo.InvariantCulture), directory);
        var server = process;
        await Eventually.HoldsAsync(
            () => Task.FromResult(server.Output.Contains("smtp sink listening", StringComparison.Ordinal) || server.HasExited),
            TimeSpan.FromSeconds(20),
            () => "the SMTP sink did not start: " + server.Output);
        Assert.False(server.HasExited, "python3 with the smtpd module (Python 3.11) is needed for the SMTP tests: " + server.Output);
    }

    /// <summary>Takes the server away: connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (process is not null)
        {
            await process.DisposeAsync();
            process = null;
        }
    }

    public IReadOnlyList<MimeMessage> Messages() =>
        Directory.GetFiles(directory, "*.eml").Order(StringComparer.Ordinal).Select(path => MimeMessage.Load(path)).ToList();

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(directory, recursive: true);
    }
}
