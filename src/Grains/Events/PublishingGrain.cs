using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Streams;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// A grain that announces its changes (N-1, N-2). <see cref="CommitAsync"/> stores the new state
/// together with its events in one write, then publishes them on the grain's own stream. Events
/// stay in the outbox until every channel has confirmed them; until then they are published
/// again with backoff while the grain is active, on activation, and from a reminder that brings
/// the grain back if its silo died between the write and the publish.
/// </summary>
public abstract class PublishingGrain<TState> : Grain, IEventSource, IRemindable
    where TState : class, IHasOutbox
{
    private const string WakeUpReminder = "outbox";

    private readonly IPersistentState<TState> state;
    private IGrainTimer? retryTimer;
    private int retryRound;
    private bool confirmationsUnsaved;

    protected PublishingGrain(IPersistentState<TState> state) => this.state = state;

    protected IPersistentState<TState> Storage => state;

    private Outbox Outbox => state.State.Outbox;

    private EventDeliveryOptions Options => ServiceProvider.GetRequiredService<IOptions<EventDeliveryOptions>>().Value;

    private TimeProvider Clock => ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

    private ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (!Outbox.IsEmpty)
        {
            ScheduleRetry(TimeSpan.Zero);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (confirmationsUnsaved && reason.ReasonCode is not DeactivationReasonCode.ApplicationError)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
            catch (Exception exception)
            {
                // Nothing is lost: the events stay in the stored outbox and the channels drop repeats.
                Logger.LogDebug(exception, "Could not store confirmations on deactivation of {Grain}", this.GetGrainId());
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// Stores the state the caller has already changed, with <paramref name="events"/>, in one
    /// write; then publishes. A failed write deactivates the grain so that the next call starts
    /// again from what is stored, never from a change that was not acknowledged.
    /// </summary>
    protected async Task CommitAsync(IReadOnlyCollection<DomainEvent> events)
    {
        OnCommitting();
        IReadOnlyList<OutboxEntry> added = [];
        if (events.Count > 0)
        {
            added = Outbox.Add(events);
            try
            {
                await Outbox.WakeUp.ArmAsync(this, WakeUpReminder, Options.WakeUpPeriod);
            }
            catch
            {
                DeactivateOnIdle();
                throw;
            }
        }

        await this.WriteOrDeactivateAsync(state);
        confirmationsUnsaved = false;

        if (added.Count > 0)
        {
            await PublishAsync(added);
            retryRound = 0;
            ScheduleRetry(Options.RetryDelay);
        }
    }

    Task IEventSource.ConfirmAsync(Guid eventId, string channel)
    {
        if (Outbox.Confirm(eventId, channel))
        {
            // Stored with the next write; lost confirmations only cause a repeat the channels drop.
            confirmationsUnsaved = true;
        }

        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != WakeUpReminder)
        {
            await ReceiveOtherReminderAsync(reminderName, status);
            return;
        }

        if (Outbox.IsEmpty)
        {
            Outbox.WakeUp.Armed = false;
            await state.WriteStateAsync();
            confirmationsUnsaved = false;
            await WakeUp.CancelAsync(this, WakeUpReminder);
            return;
        }

        await PublishAsync(Outbox.Overdue(Clock.GetUtcNow(), Options.RetryDelay));
    }

    /// <summary>For a subclass that tidies its state before every write.</summary>
    protected virtual void OnCommitting()
    {
    }

    /// <summary>For a subclass with reminders of its own.</summary>
    protected virtual Task ReceiveOtherReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    /// <summary>
    /// Puts the entries on the grain's stream. A failure is logged and left to the next retry:
    /// the change itself is already stored.
    /// </summary>
    protected virtual async Task PublishAsync(IReadOnlyList<OutboxEntry> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        var stream = this.GetStreamProvider(EventStreams.Provider)
            .GetStream<PublishedEvent>(StreamId.Create(EventStreams.Namespace, this.GetPrimaryKeyString()));
        var now = Clock.GetUtcNow();
        foreach (var entry in entries)
        {
            try
            {
                await stream.OnNextAsync(new PublishedEvent(this.GetGrainId(), entry.Event));
                entry.LastPublishedAt = now;
                entry.Publications++;
                QppMetrics.EventsPublished.Add(1);
            }
            catch (Exception exception)
            {
                Logger.LogWarning(exception, "Publishing event {EventId} of {Grain} failed; it will be retried", entry.Event.EventId, this.GetGrainId());
                return;
            }
        }
    }

    private async Task RetryAsync()
    {
        if (Outbox.IsEmpty)
        {
            if (confirmationsUnsaved)
            {
                await state.WriteStateAsync();
                confirmationsUnsaved = false;
            }

            return;
        }

        retryRound++;
        var overdue = Outbox.Overdue(Clock.GetUtcNow(), Options.RetryDelay);
        if (overdue.Count > 0)
        {
            Logger.LogInformation("Re-publishing {Count} unconfirmed events of {Grain} (round {Round})", overdue.Count, this.GetGrainId(), retryRound);
        }

        await PublishAsync(overdue);
        var delay = Options.RetryDelay * Math.Pow(2, Math.Min(retryRound, 10));
        ScheduleRetry(delay < Options.MaxRetryDelay ? delay : Options.MaxRetryDelay);
    }

    private void ScheduleRetry(TimeSpan dueTime)
    {
        if (retryTimer is null)
        {
            retryTimer = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = false });
        }
        else
        {
            retryTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }
}
