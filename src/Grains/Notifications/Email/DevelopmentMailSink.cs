using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Grains.Notifications.Email;

/// <summary>Development: delivers into per-address mailboxes that <c>GET /api/dev/messages</c> reads.</summary>
public sealed class DevelopmentMailSink(IGrainFactory grains, TimeProvider clock) : IMailTransport
{
    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken) =>
        grains.Reference<IDevMailboxGrain>(GrainKeys.Mailbox(mail.ToAddress))
            .DeliverAsync(new DeliveredMessage(mail.ToAddress, mail.Subject, mail.Body, clock.GetUtcNow()));
}
