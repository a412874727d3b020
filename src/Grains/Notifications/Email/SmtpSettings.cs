using MailKit.Security;

namespace QppOrleans.Grains.Notifications.Email;

/// <summary>The SMTP server (section <c>Email:Smtp</c>).</summary>
public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>
    /// <c>None</c>, <c>Auto</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>. TLS is required
    /// unless configured otherwise: a server without STARTTLS gets no mail (codes and names would cross in the clear);
    /// the Development settings accept plain text.
    /// </summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;

    /// <summary>Sign in to the server when set.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);
}
