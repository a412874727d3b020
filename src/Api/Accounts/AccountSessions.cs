using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Ends the sessions of accounts that locked or no longer exist: a signed, unexpired
/// token is honoured only while its session epoch is the account's current one. What the account
/// grain said is kept for <see cref="AuthOptions.AccountCheckInterval"/>, which is the bound on how
/// long such a token goes on working.
/// </summary>
public sealed class AccountSessions(IGrainFactory grains, IOptions<AuthOptions> options) : IDisposable
{
    /// <summary>Accounts whose epoch is kept at most (a few MiB).</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache epochs = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ValueTask<bool> IsCurrentAsync(string userId, int epoch) =>
        epochs.TryGetValue(userId, out int? current) ? ValueTask.FromResult(current == epoch) : AskAsync(userId, epoch);

    public void Dispose() => epochs.Dispose();

    private async ValueTask<bool> AskAsync(string userId, int epoch)
    {
        var current = await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SessionEpochAsync();
        epochs.Set(userId, current, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.AccountCheckInterval });
        return current == epoch;
    }
}
