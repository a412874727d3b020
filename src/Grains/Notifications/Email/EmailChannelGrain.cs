using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications.Email;

/// <summary>
/// The email channel for the events of the grain with the same key. An event's messages are
/// queued in this grain's state before the event is confirmed; the queue is then sent over SMTP
/// with backoff while the server is away, and a reminder restarts the work if the silo dies.
/// A message the server refuses for good is kept as undeliverable and logged, never dropped.
/// </summary>
[ImplicitStreamSubscription(EventStreams.Namespace)]
public sealed class EmailChannelGrain(
    [PersistentState("email-channel", QppStorage.Name)] IPersistentState<EmailChannelState> state,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    IOptions<EventDeliveryOptions> delivery,
    TimeProvider clock,
    ILogger<EmailChannelGrain> logger) : ChannelGrain(EventChannel.Email, logger), IEmailChannelGrain, IRemindable
{
    private const string WakeUpReminder = "email";

    private IGrainTimer? sendTimer;

    private EmailChannelState Queue => state.State;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (Queue.Pending.Count > 0)
        {
            ScheduleSend(TimeSpan.Zero);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    Task<EmailQueueStatus> IEmailChannelGrain.StatusAsync() =>
        Task.FromResult(new EmailQueueStatus(Queue.Sent, Queue.Pending.Count, Queue.Undeliverable.Count));

    protected override async Task TakeAsync(DomainEvent domainEvent)
    {
        if (Queue.Taken.Contains(domainEvent.EventId))
        {
            return;
        }

        var now = clock.GetUtcNow();
        var mails = NoticeWriter.For(domainEvent)
            .Select((notice, index) => (notice, index))
            .Where(n => !string.IsNullOrWhiteSpace(n.notice.To.Email ?? n.notice.To.Phone))
            .Select(n => new OutgoingMail
            {
                Id = $"{domainEvent.EventId:N}:{n.index}",
                ToAddress = n.notice.To.Email ?? TextMessageAddress(n.notice.To.Phone!),
                ToName = n.notice.To.Name,
                Subject = n.notice.Subject,
                Body = n.notice.Body,
                NextAttemptAt = now,
                CodeExpiresAt = (domainEvent as OneTimeCodeIssued)?.ExpiresAt,
            })
            .ToList();

        if (mails.Count == 0)
        {
            // Nothing to send, now or on a repeat of the event: nothing to store either.
            return;
        }

        // Armed before the queue changes: if the reminder cannot be registered (its silo just
        // died, say), the event is neither taken nor confirmed and its publisher sends it again.
        // Taking it first left it marked as taken in memory only, so the repeat was confirmed
        // and the mail, never stored, was lost with the activation.
        await Queue.WakeUp.ArmAsync(this, WakeUpReminder, delivery.Value.WakeUpPeriod);
        Queue.Taken.Add(domainEvent.EventId);
        Queue.Pending.AddRange(mails);
        await this.WriteOrDeactivateAsync(state);
        ScheduleSend(TimeSpan.Zero);
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (Queue.Pending.Count > 0)
        {
            ScheduleSend(TimeSpan.Zero);
            return;
        }

        if (Queue.WakeUp.Armed)
        {
            Queue.WakeUp.Armed = false;
            await this.WriteOrDeactivateAsync(state);
        }

        await WakeUp.CancelAsync(this, WakeUpReminder);
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        var changed = Queue.Prune(clock.GetUtcNow());
        foreach (var mail in Queue.Pending.Where(m => m.NextAttemptAt <= clock.GetUtcNow()).ToList())
        {
            changed = true;
            if (mail.CodeExpiresAt <= clock.GetUtcNow())
            {
                // A code that has expired is of no use to anyone: it is dropped, not sent late.
                Queue.Pending.Remove(mail);
                QppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("outcome", "expired"));
                logger.LogWarning("Email {MailId} held a verification code that expired before it could be sent; it was dropped", mail.Id);
                continue;
            }

            try
            {
                await transport.SendAsync(mail, cancellationToken);
                Queue.Pending.Remove(mail);
                Queue.Sent++;
                QppMetrics.EmailsSent.Add(1);
            }
            catch (MailRefusedException refused)
            {
                mail.LastError = refused.Message;
                Queue.Pending.Remove(mail);
                Queue.SetAside(mail, clock.GetUtcNow());
                QppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
                logger.LogError(refused, "Email {MailId} is undeliverable and was set aside", mail.Id);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The server is probably away: leave the rest of the queue for the next round.
                mail.Attempts++;
                mail.LastError = exception.Message;
                mail.NextAttemptAt = clock.GetUtcNow() + Backoff(mail.Attempts);
                QppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("outcome", "retry"));
                logger.LogWarning("Sending email {MailId} failed (attempt {Attempts}): {Error}; next attempt at {NextAttemptAt:O}",
                    mail.Id, mail.Attempts, exception.Message, mail.NextAttemptAt);
                break;
            }
        }

        if (changed)
        {
            await this.WriteOrDeactivateAsync(state);
        }

        if (Queue.Pending.Count > 0)
        {
            var next = Queue.Pending.Min(m => m.NextAttemptAt) - clock.GetUtcNow();
            ScheduleSend(next > TimeSpan.Zero ? next : TimeSpan.Zero);
        }
    }

    /// <summary>Where a text message to <paramref name="phone"/> (E.164) is mailed; see <see cref="EmailOptions.SmsGatewayDomain"/>.</summary>
    private string TextMessageAddress(string phone) => options.Value switch
    {
        { Delivery: EmailDelivery.DevelopmentSink } => phone,
        { SmsGatewayDomain: { Length: > 0 } domain } => $"{phone[^10..]}@{domain}",
        _ => phone, // not an address: the transport refuses it and the message is set aside, logged
    };

    private TimeSpan Backoff(int attempts)
    {
        var delay = options.Value.RetryDelay * Math.Pow(2, Math.Min(attempts - 1, 16));
        return delay < options.Value.MaxRetryDelay ? delay : options.Value.MaxRetryDelay;
    }

    private void ScheduleSend(TimeSpan dueTime)
    {
        if (sendTimer is null)
        {
            sendTimer = this.RegisterGrainTimer(SendDueAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = true });
        }
        else
        {
            sendTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }
}
