namespace QppOrleans.Grains.Notifications.Email;

/// <summary>
/// Hands one email to whatever delivers mail. Throws <see cref="MailRefusedException"/> when the
/// message can never be delivered; any other exception means "try again later".
/// </summary>
public interface IMailTransport
{
    Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken);
}
