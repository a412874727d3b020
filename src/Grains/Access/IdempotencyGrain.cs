using Microsoft.Extensions.DependencyInjection;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Grains.Access;

/// <summary>
/// An <c>Idempotency-Key</c>: the claim lives in memory while the first request runs and the
/// result is stored, so a repeat — even after a restart — returns the first result. A claim
/// whose request never reported back (its API process died) lapses after <see cref="ClaimLease"/>.
/// A result is kept for <see cref="Kept"/>: a reminder then deletes it, and a key used again
/// after that is a new request.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", QppStorage.Name)] IPersistentState<IdempotencyState> state,
    [FromKeyedServices(DomainClock.Key)] TimeProvider clock) : Grain, IIdempotencyGrain, IRemindable
{
    /// <summary>Longer than any request can run (Orleans' response timeout is 30 s).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    /// <summary>How long a key's first result is remembered.</summary>
    public static readonly TimeSpan Kept = TimeSpan.FromHours(24);

    private const string ExpiryReminder = "expire";

    private long? runningSince;

    async Task<IdempotencyClaim> IIdempotencyGrain.BeginAsync(string fingerprint)
    {
        if (state.State.CompletedAt is { } completed && clock.GetUtcNow() - completed >= Kept)
        {
            await ForgetAsync();
        }

        if (state.State.Fingerprint is { } first && first != fingerprint)
        {
            return new IdempotencyClaim(IdempotencyStatus.Mismatch);
        }

        if (state.State.Response is { } response)
        {
            return new IdempotencyClaim(IdempotencyStatus.Completed, response);
        }

        if (runningSince is { } since && TimeProvider.System.GetElapsedTime(since) < ClaimLease)
        {
            return new IdempotencyClaim(IdempotencyStatus.InProgress);
        }

        runningSince = TimeProvider.System.GetTimestamp();
        state.State.Fingerprint = fingerprint;
        return new IdempotencyClaim(IdempotencyStatus.Claimed);
    }

    async Task IIdempotencyGrain.CompleteAsync(string response)
    {
        state.State.Response = response;
        state.State.CompletedAt = clock.GetUtcNow();
        await this.WriteOrDeactivateAsync(state);
        runningSince = null;
        await this.RegisterOrUpdateReminder(ExpiryReminder, Kept, Kept);
    }

    Task IIdempotencyGrain.AbandonAsync()
    {
        runningSince = null;
        state.State.Fingerprint = null;
        return Task.CompletedTask;
    }

    async Task IRemindable.ReceiveReminder(string reminderName, TickStatus status)
    {
        if (state.State.CompletedAt is { } completed && clock.GetUtcNow() - completed < Kept)
        {
            return;
        }

        await ForgetAsync();
        if (await this.GetReminder(ExpiryReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <summary>Deletes the stored result: the key is free again.</summary>
    private async Task ForgetAsync()
    {
        await state.ClearStateAsync();
        state.State = new IdempotencyState();
    }
}
