namespace QppOrleans.Grains.Notifications.Email;

/// <summary>Email delivery (section <c>Email</c>).</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public EmailDelivery Delivery { get; set; } = EmailDelivery.Smtp;

    /// <summary>The sender, as <c>Name &lt;address&gt;</c> or a bare address.</summary>
    public string From { get; set; } = "QPP Access <noreply@qpp.localhost>";

    public SmtpSettings Smtp { get; set; } = new();

    /// <summary>
    /// Text messages (codes for phone devices) go as email to <c>{ten digits}@{this domain}</c>, the
    /// way email-to-SMS gateways take them. Unset: a text message cannot be sent over SMTP and is
    /// set aside as undeliverable (the development sink keeps it under the phone number).
    /// </summary>
    public string? SmsGatewayDomain { get; set; }

    /// <summary>Wait after the first failed attempt; doubles with every further failure.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);
}
