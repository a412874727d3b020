using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Streams;
using QppOrleans.Grains.Abstractions.Events;

namespace QppOrleans.Grains.Events;

/// <summary>
/// A grain that announces its changes (N-1, N-2). <see cref="CommitAsync"/> stores the new state
/// together with its events in one write, answers, and then publishes each event on the streams of
/// the channels that act on it (<see cref="EventRoutes"/>). Events stay in the outbox until those
/// channels have confirmed them; until then they are published again with backoff while the grain
/// is active, on activation, and from a reminder that brings the grain back if its silo died
/// between the write and the publish.
/// <para>
/// Nothing of this sits in front of the next call a person makes to the grain: publishing runs
/// after the answer, confirmations (<see cref="IEventSource.ConfirmAsync"/>, always interleaved)
/// and the retry timer interleave with calls, and none of them writes the state — confirmations
/// are stored with the grain's next write, or when the activation ends.
/// </para>
/// </summary>
public abstract class PublishingGrain<TState> : Grain, IEventSource, IRemindable
    where TState : class, IHasOutbox
{
    private readonly IPersistentState<TState> state;
    private readonly WakeUp wakeUp = new("outbox");
    private IGrainTimer? retryTimer;
    private int retryRound;
    private long confirmations;
    private long confirmationsStored;

    protected PublishingGrain(IPersistentState<TState> state) => this.state = state;

    protected IPersistentState<TState> Storage => state;

    private Outbox Outbox => state.State.Outbox;

    private EventDeliveryOptions Options => ServiceProvider.GetRequiredService<IOptions<EventDeliveryOptions>>().Value;

    private TimeProvider Clock => ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;

    private ILogger Logger => ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(GetType());

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        Outbox.AwaitCurrentChannels();
        if (!Outbox.IsEmpty)
        {
            ScheduleRetry(TimeSpan.Zero);
        }

        return base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (confirmations != confirmationsStored && reason.ReasonCode is not DeactivationReasonCode.ApplicationError)
        {
            try
            {
                await state.WriteStateAsync(cancellationToken);
            }
#pragma warning disable CA1031 // Deactivation goes on whatever the store says; the outbox already holds the events.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                // Nothing is lost: the events stay in the stored outbox and the channels drop repeats.
                Logger.LogDebug(exception, "Could not store confirmations on deactivation of {Grain}", this.GetGrainId());
            }
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>
    /// A copy of the stored state for the functional core to decide over (<see cref="Decision{TState}"/>):
    /// a refused command, or one whose write fails, leaves the grain's state as it was.
    /// </summary>
    protected TState Draft() => ServiceProvider.GetRequiredService<DeepCopier<TState>>().Copy(state.State);

    /// <summary>
    /// Commits what the core decided: <paramref name="next"/> (a <see cref="Draft"/> the core
    /// changed) becomes the grain's state only once it is stored, with its events, in one write; a
    /// failed write leaves the previous state in place (and drops the activation).
    /// </summary>
    protected async Task CommitAsync(TState next, IReadOnlyCollection<DomainEvent> events)
    {
        var current = state.State;

        // The outbox stays the live one: confirmations that arrive meanwhile are not lost.
        next.Outbox = current.Outbox;
        state.State = next;
        try
        {
            await StoreAsync(events);
        }
        catch
        {
            state.State = current;
            throw;
        }
    }

    /// <summary>
    /// Stores the grain's state with <paramref name="events"/> in one write; publishing follows
    /// without the caller waiting for it. A failed write deactivates the grain so that the next
    /// call starts again from what is stored, and its events leave the outbox unpublished.
    /// </summary>
    private async Task StoreAsync(IReadOnlyCollection<DomainEvent> events)
    {
        OnCommitting();
        var added = events.Count == 0 ? [] : Outbox.Add(events);
        try
        {
            if (added.Count > 0)
            {
                // Once per non-empty outbox period of the activation (WakeUp); before the write, so
                // that nothing stored is left without the reminder that would publish it.
                await wakeUp.ArmAsync(this, Options.WakeUpPeriod);
            }

            var stored = confirmations;
            await this.WriteOrDeactivateAsync(state);
            confirmationsStored = stored;
        }
        catch
        {
            Outbox.Entries.RemoveAll(added.Contains);
            DeactivateOnIdle();
            throw;
        }

        if (added.Count > 0)
        {
            _ = PublishAsync(added);
            retryRound = 0;
            ScheduleRetry(Options.RetryDelay);
        }
    }

    Task IEventSource.ConfirmAsync(Guid eventId, string channel)
    {
        if (Outbox.Confirm(eventId, channel))
        {
            // Stored with the next write; a lost confirmation only causes a repeat the channel drops.
            confirmations++;
        }

        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName != wakeUp.ReminderName)
        {
            await ReceiveOtherReminderAsync(reminderName, status);
            return;
        }

        if (Outbox.IsEmpty)
        {
            await wakeUp.DisarmAsync(this);
            return;
        }

        _ = PublishAsync(Outbox.Overdue(Clock.GetUtcNow(), Options.RetryDelay));
    }

    /// <summary>For a subclass that tidies its state before every write.</summary>
    protected virtual void OnCommitting()
    {
    }

    /// <summary>For a subclass with reminders of its own.</summary>
    protected virtual Task ReceiveOtherReminderAsync(string reminderName, TickStatus status) => Task.CompletedTask;

    /// <summary>
    /// Puts each entry on the streams of the channels still awaiting it. A failure is logged and
    /// left to the next retry: the change itself is already stored.
    /// </summary>
    protected virtual async Task PublishAsync(IReadOnlyList<OutboxEntry> entries)
    {
        var now = Clock.GetUtcNow();
        foreach (var entry in entries)
        {
            try
            {
                foreach (var channel in entry.AwaitingChannels.ToList())
                {
                    await this.GetStreamProvider(EventStreams.Provider)
                        .GetStream<PublishedEvent>(StreamId.Create(EventChannel.Stream(channel), this.GetPrimaryKeyString()))
                        .OnNextAsync(new PublishedEvent(this.GetGrainId(), entry.Event));
                    QppMetrics.EventsPublished.Add(1);
                }

                entry.LastPublishedAt = now;
                entry.Publications++;
            }
#pragma warning disable CA1031 // A failed publish is retried from the stored outbox, whatever failed.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Logger.LogWarning(exception, "Publishing event {EventId} of {Grain} failed; it will be retried", entry.Event.EventId, this.GetGrainId());
                return;
            }
        }
    }

    private Task RetryAsync()
    {
        if (Outbox.IsEmpty)
        {
            return Task.CompletedTask;
        }

        retryRound++;
        var overdue = Outbox.Overdue(Clock.GetUtcNow(), Options.RetryDelay);
        if (overdue.Count > 0)
        {
            Logger.LogInformation("Re-publishing {Count} unconfirmed events of {Grain} (round {Round})", overdue.Count, this.GetGrainId(), retryRound);
        }

        var delay = Options.RetryDelay * Math.Pow(2, Math.Min(retryRound, 10));
        ScheduleRetry(delay < Options.MaxRetryDelay ? delay : Options.MaxRetryDelay);
        return PublishAsync(overdue);
    }

    private void ScheduleRetry(TimeSpan dueTime)
    {
        if (retryTimer is null)
        {
            retryTimer = this.RegisterGrainTimer(RetryAsync, new GrainTimerCreationOptions(dueTime, Timeout.InfiniteTimeSpan) { KeepAlive = false, Interleave = true });
        }
        else
        {
            retryTimer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }
}
