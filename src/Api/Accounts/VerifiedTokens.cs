using Microsoft.Extensions.Caching.Memory;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Bearer-token validation that remembers the tokens it has already verified. Reading the token,
/// checking its signature and building its claims was a sixth of a portal read's CPU time
/// (BENCHMARKS.md), repeated for every request a person makes with the same token. A token is
/// remembered by its exact text, never past its expiry and for at most <see cref="Remembered"/>;
/// each request gets its own copy of the claims. Whether the account's session is still current
/// is checked on every request all the same (<see cref="AccountSessions"/>).
/// </summary>
public sealed class VerifiedTokens(TimeProvider clock) : JsonWebTokenHandler, IDisposable
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    /// <summary>Tokens remembered at most; a token is some 500 bytes, so this is a few tens of MiB.</summary>
    public const int Capacity = 50_000;

    private readonly MemoryCache verified = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public override async Task<TokenValidationResult> ValidateTokenAsync(string token, TokenValidationParameters validationParameters)
    {
        var now = clock.GetUtcNow();
        if (verified.TryGetValue(token, out Verified? known) && known!.Until > now)
        {
            return new TokenValidationResult
            {
                IsValid = true,
                SecurityToken = known.Result.SecurityToken,
                ClaimsIdentity = known.Result.ClaimsIdentity.Clone(),
                Issuer = known.Result.Issuer,
                TokenType = known.Result.TokenType,
            };
        }

        var result = await base.ValidateTokenAsync(token, validationParameters);
        if (result.IsValid && result.SecurityToken.ValidTo is var expires && expires > now.UtcDateTime)
        {
            var until = new DateTimeOffset(expires, TimeSpan.Zero) is var end && end < now + Remembered ? end : now + Remembered;
            verified.Set(token, new Verified(result, until), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpiration = until });
        }

        return result;
    }

    public void Dispose() => verified.Dispose();

    private sealed record Verified(TokenValidationResult Result, DateTimeOffset Until);
}
