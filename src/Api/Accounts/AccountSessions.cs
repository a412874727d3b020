using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Honours a signed, unexpired token only while its account exists, its session epoch is the
/// account's (signing out everywhere and a password reset raise it) and the token was not signed
/// out. What the account grain said is kept for <see cref="AuthOptions.AccountCheckInterval"/>;
/// this process forgets it at once when it signs a token out, so there the token stops working at
/// once, and other API processes stop honouring it within that interval.
/// </summary>
public sealed class AccountSessions(IGrainFactory grains, IOptions<AuthOptions> options) : IDisposable
{
    /// <summary>Accounts whose session is kept at most (a few MiB).</summary>
    public const int Capacity = 100_000;

    private readonly MemoryCache sessions = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public ValueTask<bool> IsCurrentAsync(string userId, int epoch, string tokenId) =>
        sessions.TryGetValue(userId, out AccountSession? session)
            ? ValueTask.FromResult(session?.Honours(epoch, tokenId) == true)
            : AskAsync(userId, epoch, tokenId);

    /// <summary>The account's sessions changed here: ask its grain again next time.</summary>
    public void Forget(string userId) => sessions.Remove(userId);

    public void Dispose() => sessions.Dispose();

    private async ValueTask<bool> AskAsync(string userId, int epoch, string tokenId)
    {
        var session = await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SessionAsync();
        sessions.Set(userId, session, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.AccountCheckInterval });
        return session?.Honours(epoch, tokenId) == true;
    }
}
