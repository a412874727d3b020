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

    /// <summary>Tokens remembered at most; a token is some 500 bytes, so this is a few tens of MiB.</summary>
    public const int Capacity = 50_000;

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly TokenValidationParameters parameters;
    /// <summary>Token lifetimes are real time, as the token handler reads them.</summary>
    private readonly TimeProvider clock = TimeProvider.System;
    private readonly ConcurrentDictionary<string, VerifiedToken> verified = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, VerifiedToken>.AlternateLookup<ReadOnlySpan<char>> byText;
    private int count;

    public VerifiedTokens(IOptions<AuthOptions> options)
    {
        var settings = options.Value;
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
            || !int.TryParse(result.ClaimsIdentity.FindFirst(AccessTokens.SessionEpochClaim)?.Value, CultureInfo.InvariantCulture, out var epoch))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var expires = new DateTimeOffset(result.SecurityToken.ValidTo, TimeSpan.Zero);
        var until = expires < now + Remembered ? expires : now + Remembered;
        var verifiedToken = new VerifiedToken(userId, epoch, result.ClaimsIdentity, until);
        if (until > now)
        {
            MakeRoom(now);
            if (verified.TryAdd(token, verifiedToken))
            {
                Interlocked.Increment(ref count);
            }
        }

        return verifiedToken;
    }

    private void MakeRoom(DateTimeOffset now)
    {
        if (Volatile.Read(ref count) < Capacity)
        {
            return;
        }

        foreach (var (text, known) in verified)
        {
            if (known.Until <= now && verified.TryRemove(text, out _))
            {
                Interlocked.Decrement(ref count);
            }
        }

        if (verified.Count >= Capacity)
        {
            verified.Clear();
            Volatile.Write(ref count, 0);
        }
    }
}

/// <summary>
/// What a verified token says. <see cref="Identity"/> is shared by every request made with the
/// token: nothing in the service changes an identity's claims.
/// </summary>
public sealed record VerifiedToken(string UserId, int SessionEpoch, ClaimsIdentity Identity, DateTimeOffset Until);
