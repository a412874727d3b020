using System.Text.Json;
using MailKit.Security;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Notifications.Email;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Notifications;

/// <summary>SMTP requires TLS unless configured otherwise: a server without STARTTLS gets nothing in the clear.</summary>
public sealed class SmtpTransportTests : IAsyncLifetime, IAsyncDisposable
{
    private readonly SmtpTestServer smtp = new();

    public Task InitializeAsync() => smtp.StartAsync();

    public async Task DisposeAsync() => await smtp.DisposeAsync();

    ValueTask IAsyncDisposable.DisposeAsync() => smtp.DisposeAsync();

    [Fact]
    public async Task A_server_without_STARTTLS_gets_no_mail_with_the_default_settings_and_the_mail_is_kept_for_a_retry()
    {
        var defaults = Transport(new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port });

        var refused = await Assert.ThrowsAnyAsync<Exception>(() => defaults.SendAsync(Mail(), CancellationToken.None));

        Assert.IsNotType<MailRefusedException>(refused);
        Assert.Empty(smtp.Messages());
        await Transport(new SmtpSettings { Host = "127.0.0.1", Port = smtp.Port, Security = SecureSocketOptions.None }).SendAsync(Mail(), CancellationToken.None);
        Assert.Single(smtp.Messages());
    }

    [Theory]
    [InlineData("Api")]
    [InlineData("Silo")]
    public void The_shipped_settings_require_TLS_and_only_Development_accepts_plain_text(string project)
    {
        Assert.Equal(SecureSocketOptions.StartTls, new SmtpSettings().Security);
        Assert.Equal("StartTls", Security(Path.Combine(Repository.Root, "src", project, "appsettings.json")));
        Assert.Equal("StartTlsWhenAvailable", Security(Path.Combine(Repository.Root, "src", project, "appsettings.Development.json")));
    }

    private static string? Security(string path) =>
        JsonDocument.Parse(File.ReadAllText(path)).RootElement.GetProperty("Email").GetProperty("Smtp").GetProperty("Security").GetString();

    private static SmtpMailTransport Transport(SmtpSettings smtp) => new(Options.Create(new EmailOptions { Smtp = smtp }));

    private static OutgoingMail Mail() => new() { Id = Guid.NewGuid().ToString("N"), ToAddress = "jane@example.org", ToName = "Jane", Subject = "QPP", Body = "Hello" };
}
