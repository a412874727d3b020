using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Grains.Access;

/// <summary>
/// An <c>Idempotency-Key</c>: the claim lives in memory while the first request runs and the
/// result is stored, so a repeat — even after a restart — returns the first result. A claim
/// whose request never reported back (its API process died) lapses after <see cref="ClaimLease"/>.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", QppStorage.Name)] IPersistentState<IdempotencyState> state) : Grain, IIdempotencyGrain
{
    /// <summary>Longer than any request can run (Orleans' response timeout is 30 s).</summary>
    public static readonly TimeSpan ClaimLease = TimeSpan.FromMinutes(1);

    private long? runningSince;

    Task<IdempotencyClaim> IIdempotencyGrain.BeginAsync(string fingerprint)
    {
        if (state.State.Fingerprint is { } first && first != fingerprint)
        {
            return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.Mismatch));
        }

        if (state.State.Response is { } response)
        {
            return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.Completed, response));
        }

        if (runningSince is { } since && TimeProvider.System.GetElapsedTime(since) < ClaimLease)
        {
            return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.InProgress));
        }

        runningSince = TimeProvider.System.GetTimestamp();
        state.State.Fingerprint = fingerprint;
        return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.Claimed));
    }

    async Task IIdempotencyGrain.CompleteAsync(string response)
    {
        state.State.Response = response;
        await this.WriteOrDeactivateAsync(state);
        runningSince = null;
    }

    Task IIdempotencyGrain.AbandonAsync()
    {
        runningSince = null;
        state.State.Fingerprint = null;
        return Task.CompletedTask;
    }
}
