using System.Security.Claims;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// A-4: a client that completed a sign-in to an account gets a token saying so (a "device
/// cookie"), to send with later sign-ins to the same account. Failed passwords from clients the
/// account does not know may lock those clients out, never one that presents such a token, so a
/// script guessing from many addresses cannot keep the owner out. The token proves nothing else:
/// the password and a code are still needed.
/// </summary>
public sealed class KnownClients
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(180);

    private const string Audience = "qpp-known-client";

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly AuthOptions settings;
    private readonly TokenValidationParameters parameters;
    private readonly TimeProvider clock;

    public KnownClients(IOptions<AuthOptions> options, TimeProvider clock)
    {
        settings = options.Value;
        this.clock = clock;
        parameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = Audience,
            IssuerSigningKey = AccessTokens.SigningKey(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
        };
    }

    public string Issue(string userId)
    {
        var now = clock.GetUtcNow();
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = Audience,
            Subject = new ClaimsIdentity([new Claim(AccessTokens.UserIdClaim, userId)]),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + Lifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(AccessTokens.SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
    }

    /// <summary>True when <paramref name="token"/> is one this service issued for <paramref name="userId"/> and it has not expired.</summary>
    public async Task<bool> VouchesAsync(string? token, string userId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 2048)
        {
            return false;
        }

        var result = await handler.ValidateTokenAsync(token, parameters);
        return result.IsValid && result.ClaimsIdentity.FindFirst(AccessTokens.UserIdClaim)?.Value == userId;
    }
}
