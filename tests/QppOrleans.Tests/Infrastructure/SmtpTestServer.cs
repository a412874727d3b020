using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Net;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace QppOrleans.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (the SmtpServer package) in the test process, on a loopback port that silos
/// in other processes reach as well. It can be stopped, refusing connections, and started again on
/// the same port. A recipient whose address starts with "refused" gets a permanent 550; every
/// message it accepts is kept.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> received = new();
    private CancellationTokenSource? stopping;
    private Task? serving;

    public int Port { get; } = FreePort.Next();

    public async Task StartAsync()
    {
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var listeners = new EndpointListenerFactory();
        listeners.EndpointStarted += (_, _) => listening.TrySetResult();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(listeners);
        services.Add(new DelegatingMailboxFilter((IMailbox to, IMailbox _) => !to.User.StartsWith("refused", StringComparison.OrdinalIgnoreCase)));
        services.Add(new Inbox(received));
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();

        stopping = new CancellationTokenSource();
        serving = new SmtpServer.SmtpServer(options, services).StartAsync(stopping.Token);
        if (await Task.WhenAny(listening.Task, serving) == serving)
        {
            await serving; // it could not listen: its reason
        }
    }

    /// <summary>Takes the server away: its sessions end and connections are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (stopping is null)
        {
            return;
        }

        await stopping.CancelAsync();
        await serving!;
        stopping.Dispose();
        (stopping, serving) = (null, null);
    }

    public IReadOnlyList<MimeMessage> Messages() => [.. received];

    public IReadOnlyList<MimeMessage> MessagesTo(string address) =>
        Messages().Where(m => m.To.Mailboxes.Any(to => string.Equals(to.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    private sealed class Inbox(ConcurrentQueue<MimeMessage> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
