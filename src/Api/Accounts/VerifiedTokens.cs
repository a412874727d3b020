using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Checks bearer tokens — HMAC-SHA256 signature with <c>Auth:SigningKey</c>, issuer, audience,
/// lifetime with 30 s of clock skew, a user id and a session epoch — and remembers the tokens it has
/// verified, by their exact text, never past their expiry and for at most <see cref="Remembered"/>.
/// Reading a token, checking its signature and building its claims for every request a person
/// makes with the same token was a sixth of a portal read's CPU time (BENCHMARKS.md). Whether the
/// account's session is still current is checked on every request all the same
/// (<see cref="AccountSessions"/>).
/// </summary>
public sealed class VerifiedTokens
{
    public static readonly TimeSpan Remembered = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Tokens remembered at most; a token is some 500 bytes, so this is a few tens of MiB. When
    /// full, expired tokens make room; failing that a new token is checked but not remembered.
    /// </summary>
    public const int Capacity = 50_000;

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;
    private readonly TimeProvider clock;
    private readonly ConcurrentDictionary<string, VerifiedToken> verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VerifiedToken>.AlternateLookup<ReadOnlySpan<char>> byText;
    private int count;

    /// <param name="clock">The clock token lifetimes are read by, the one <see cref="AccessTokens"/> issues them by.</param>
    public VerifiedTokens(IOptions<AuthOptions> options, TimeProvider clock)
    {
        var settings = options.Value;
        this.clock = clock;
        byText = verified.GetAlternateLookup<ReadOnlySpan<char>>();
        parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = AccessTokens.SigningKey(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = AccessTokens.UserIdClaim,
            AuthenticationType = BearerAuthentication.SchemeName,

            // Lifetimes are read by the injected clock (the one tokens are issued by), not DateTime.UtcNow.
            LifetimeValidator = (notBefore, expires, _, validation) =>
                clock.GetUtcNow().UtcDateTime is var now
                && (notBefore is null || now + validation.ClockSkew >= notBefore.Value)
                && expires is not null && now - validation.ClockSkew < expires.Value,
        };
    }

    /// <summary>The token verified before under exactly this text, if it has not expired since.</summary>
    public VerifiedToken? Recall(ReadOnlySpan<char> token)
    {
        if (!byText.TryGetValue(token, out var known))
        {
            return null;
        }

        if (known.Until > clock.GetUtcNow())
        {
            return known;
        }

        if (byText.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref count);
        }

        return null;
    }

    /// <summary>Verifies the token and remembers it; null when it is not one the service issued and still honours.</summary>
    public async Task<VerifiedToken?> VerifyAsync(string token)
    {
        var result = await handler.ValidateTokenAsync(token, parameters);
        if (!result.IsValid
            || result.ClaimsIdentity.FindFirst(AccessTokens.UserIdClaim)?.Value is not { Length: > 0 } userId
            || result.ClaimsIdentity.FindFirst(AccessTokens.TokenIdClaim)?.Value is not { Length: > 0 } tokenId
            || !int.TryParse(result.ClaimsIdentity.FindFirst(AccessTokens.SessionEpochClaim)?.Value, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var expires = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        var until = expires < now + Remembered ? expires : now + Remembered;
        var verifiedToken = new VerifiedToken(userId, epoch, tokenId, expires, result.ClaimsIdentity, until);
        if (until > now && HasRoom(now) && verified.TryAdd(token, verifiedToken))
        {
            Interlocked.Increment(ref count);
        }

        return verifiedToken;
    }

    /// <summary>A-7: a signed-out token is checked afresh (and refused) on its next use here.</summary>
    public void Forget(ReadOnlySpan<char> token)
    {
        if (byText.TryRemove(token, out _))
        {
            Interlocked.Decrement(ref count);
        }
    }

    private bool HasRoom(DateTimeOffset now)
    {
        if (Volatile.Read(ref count) < Capacity)
        {
            return true;
        }

        foreach (var (text, known) in verified)
        {
            if (known.Until <= now && verified.TryRemove(text, out _))
            {
                Interlocked.Decrement(ref count);
            }
        }

        return Volatile.Read(ref count) < Capacity;
    }
}

/// <summary>
/// What a verified token says. <see cref="Identity"/> is shared by every request made with the
/// token: nothing in the service changes an identity's claims.
/// </summary>
public sealed record VerifiedToken(string UserId, int SessionEpoch, string TokenId, DateTimeOffset Expires, ClaimsIdentity Identity, DateTimeOffset Until);
