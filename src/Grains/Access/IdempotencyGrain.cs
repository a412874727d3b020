using QppOrleans.Grains.Abstractions.Access;

namespace QppOrleans.Grains.Access;

/// <summary>
/// An <c>Idempotency-Key</c>: the claim lives in memory while the first request runs and the
/// result is stored, so a repeat — even after a restart — returns the first result.
/// </summary>
public sealed class IdempotencyGrain(
    [PersistentState("idempotency", QppStorage.Name)] IPersistentState<IdempotencyState> state) : Grain, IIdempotencyGrain
{
    private bool running;

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

        if (running)
        {
            return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.InProgress));
        }

        running = true;
        state.State.Fingerprint = fingerprint;
        return Task.FromResult(new IdempotencyClaim(IdempotencyStatus.Claimed));
    }

    async Task IIdempotencyGrain.CompleteAsync(string response)
    {
        state.State.Response = response;
        await this.WriteOrDeactivateAsync(state);
        running = false;
    }

    Task IIdempotencyGrain.AbandonAsync()
    {
        running = false;
        state.State.Fingerprint = null;
        return Task.CompletedTask;
    }
}
