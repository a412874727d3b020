using System.Security.Claims;
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
public sealed class AccountSessions(IGrainFactory grains, IMemoryCache cache, IOptions<AuthOptions> options)
{
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (principal.FindFirstValue(AccessTokens.UserIdClaim) is not { Length: > 0 } userId
            || !int.TryParse(principal.FindFirstValue(AccessTokens.SessionEpochClaim), System.Globalization.CultureInfo.InvariantCulture, out var epoch))
        {
            return false;
        }

        var current = await cache.GetOrCreateAsync(
            (nameof(AccountSessions), userId),
            entry =>
            {
                entry.AbsoluteExpirationRelativeToNow = options.Value.AccountCheckInterval;
                return grains.Reference<IUserGrain>(GrainKeys.User(userId)).SessionEpochAsync();
            });
        return current == epoch;
    }
}
