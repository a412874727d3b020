using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions.Events;
using QppOrleans.Grains.Abstractions.Notifications;
using QppOrleans.Grains.Events;

namespace QppOrleans.Grains.Notifications.Email;

/// <summary>
/// The email channel for the events of the grain with the same key. An event's messages are
/// queued in memory and sent over SMTP, with backoff while the server is away; once every message
/// of the event is sent (or refused for good and set aside, logged, never dropped) the channel
/// stores that it is done with the event and only then confirms it to the publisher. Until that
/// confirmation the publisher's outbox keeps the event and sends it again — after this silo died,
/// too — so the outbox is the durable queue and this channel needs no queue write and no reminder
/// of its own. A repeat of an event it is still sending, or is done with, adds nothing.
/// </summary>
[ImplicitStreamSubscription(EventChannel.EmailStream)]
public sealed class EmailChannelGrain(
    [PersistentState("email-channel", QppStorage.Name)] IPersistentState<EmailChannelState> state,
    IMailTransport transport,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<EmailChannelGrain> logger) : ChannelGrain(EventChannel.Email, logger), IEmailChannelGrain
{
    /// <summary>How long the marks of finished events wait to share one write.</summary>
    private static readonly TimeSpan MarkDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Events with mail still pending, and the publisher to confirm each to when done.</summary>
    private readonly Dictionary<Guid, GrainId> sending = [];

    /// <summary>Events done since the last write, to confirm once it is stored.</summary>
    private readonly List<(GrainId Source, Guid EventId)> finished = [];

    private IGrainTimer? sendTimer;
    private bool unsaved;

    private EmailChannelState Queue => state.State;

    /// <summary>The channel acts on an event that tells someone with an address (R-9, A-23, A-3 …).</summary>
    public static bool ActsOn(DomainEvent domainEvent) => NoticeWriter.For(domainEvent).Any(n => HasAddress(n.To));

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        // Mail an earlier build queued in the state, its events already confirmed: sent as before.
        if (Queue.Pending.Count > 0)
        {
            ScheduleSend(TimeSpan.Zero);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    Task<EmailQueueStatus> IEmailChannelGrain.StatusAsync() =>
        Task.FromResult(new EmailQueueStatus(Queue.Sent, Queue.Pending.Count, Queue.Undeliverable.Count));

    protected override Task<bool> TakeAsync(PublishedEvent published)
    {
        var domainEvent = published.Event;
        if (Queue.Taken.Contains(domainEvent.EventId))
        {
            return Task.FromResult(true);
        }

        if (sending.ContainsKey(domainEvent.EventId))
        {
            return Task.FromResult(false);
        }

        var now = clock.GetUtcNow();
        var prefix = $"{domainEvent.EventId:N}:";
        var mails = NoticeWriter.For(domainEvent)
            .Select((notice, index) => (notice, index))
            .Where(n => HasAddress(n.notice.To))
            .Select(n => new OutgoingMail
            {
                Id = prefix + n.index,
                ToAddress = n.notice.To.Email ?? TextMessageAddress(n.notice.To.Phone!),
                ToName = n.notice.To.Name,
                Subject = n.notice.Subject,
                Body = n.notice.Body,
                NextAttemptAt = now,
                CodeExpiresAt = (domainEvent as OneTimeCodeIssued)?.ExpiresAt,
            })
            .Where(mail => !Queue.Pending.Exists(p => p.Id == mail.Id))
            .Where(mail => domainEvent is not RegistrationChanged { Change: RegistrationChange.Modified } || Queue.TellOfModification(mail.ToAddress, now))
            .ToList();

        if (mails.Count == 0 && !Queue.Pending.Exists(p => p.Id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            // Nothing to send (told of a modification lately): nothing to store either.
            unsaved |= domainEvent is RegistrationChanged;
            return Task.FromResult(true);
        }

        sending[domainEvent.EventId] = published.Source;
        Queue.Pending.AddRange(mails);
        ScheduleSend(TimeSpan.Zero);
        return Task.FromResult(false);
    }

    private async Task SendDueAsync(CancellationToken cancellationToken)
    {
        unsaved |= Queue.Prune(clock.GetUtcNow());
        foreach (var mail in Queue.Pending.Where(m => m.NextAttemptAt <= clock.GetUtcNow()).ToList())
        {
            if (mail.CodeExpiresAt <= clock.GetUtcNow())
            {
                // A code that has expired is of no use to anyone: it is dropped, not sent late.
                Done(mail);
                QppMetrics.EmailFailures.Add(1, new KeyValuePair<string, object?>("outcome", "expired"));
                logger.LogWarning("Email {MailId} held a verification code that expired before it could be sent; it was dropped", mail.Id);
                continue;
            }

            try
            {
                await transport.SendAsync(mail, cancellationToken);
                Done(mail);
                Queue.Sent++;
                QppMetrics.EmailsSent.Add(1);
            }
            catch (MailRefusedException refused)
            {
                mail.LastError = refused.Message;
                Done(mail);
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

        if (unsaved)
        {
            // The marks of what finished meanwhile are stored together, then confirmed.
            await Task.Delay(MarkDelay, cancellationToken);
            await this.WriteOrDeactivateAsync(state);
            unsaved = false;
            foreach (var (source, eventId) in finished)
            {
                await ConfirmAsync(source, eventId);
            }

            finished.Clear();
        }

        if (Queue.Pending.Count > 0)
        {
            var next = Queue.Pending.Min(m => m.NextAttemptAt) - clock.GetUtcNow();
            ScheduleSend(next > TimeSpan.Zero ? next : TimeSpan.Zero);
        }
    }

    /// <summary>The mail leaves the queue; its event is done once none of its mail is left.</summary>
    private void Done(OutgoingMail mail)
    {
        Queue.Pending.Remove(mail);
        unsaved = true;
        var eventId = Guid.ParseExact(mail.Id[..mail.Id.IndexOf(':', StringComparison.Ordinal)], "N");
        var prefix = $"{eventId:N}:";
        if (Queue.Pending.Exists(p => p.Id.StartsWith(prefix, StringComparison.Ordinal)))
        {
            return;
        }

        Queue.Taken.Add(eventId);
        if (sending.Remove(eventId, out var source))
        {
            finished.Add((source, eventId));
        }
    }

    private static bool HasAddress(Recipient to) => !string.IsNullOrWhiteSpace(to.Email ?? to.Phone);

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
