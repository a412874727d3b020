using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace QppOrleans.Grains.Notifications.Email;

/// <summary>Sends through the configured SMTP server with MailKit, one connection per message.</summary>
public sealed class SmtpMailTransport(IOptions<EmailOptions> options) : IMailTransport
{
    public async Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var message = Compose(mail, settings.From);
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.UserName))
        {
            await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException refused) when ((int)refused.StatusCode >= 500 && refused.ErrorCode is not SmtpErrorCode.UnexpectedStatusCode)
        {
            throw new MailRefusedException($"The SMTP server refused the message: {(int)refused.StatusCode} {refused.Message}", refused);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static MimeMessage Compose(OutgoingMail mail, string from)
    {
        if (!mail.ToAddress.Contains('@', StringComparison.Ordinal) || !MailboxAddress.TryParse(mail.ToAddress, out var to))
        {
            throw new MailRefusedException(
                "The recipient is not an email address (a text message needs Email:SmsGatewayDomain to be sent over SMTP).");
        }

        to.Name = mail.ToName;
        var message = new MimeMessage { Subject = mail.Subject, Body = new TextPart("plain") { Text = mail.Body } };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(to);

        // The same id for every attempt, so that a mail system can recognise a repeat.
        message.MessageId = $"{mail.Id.Replace(':', '.')}@qpp-access";
        return message;
    }
}
