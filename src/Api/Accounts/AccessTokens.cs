using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>Issues the signed bearer tokens that <see cref="VerifiedTokens"/> checks.</summary>
public sealed class AccessTokens(IOptions<AuthOptions> options, TimeProvider clock)
{
    public const string UserIdClaim = "sub";

    /// <summary>The token's own id: signing out names it .</summary>
    public const string TokenIdClaim = "jti";

    /// <summary>The account's session epoch at sign-in (see <see cref="AccountSessions"/>).</summary>
    public const string SessionEpochClaim = "sep";

    /// <summary>Present when the account was provisioned as an operator's (see <see cref="Operators"/>).</summary>
    public const string OperatorClaim = "op";

    public BearerToken Issue(string userId, int sessionEpoch, bool provisionedOperator = false)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        List<Claim> claims =
        [
            new(UserIdClaim, AccountInput.NormalizeUserId(userId)),
            new(TokenIdClaim, Guid.NewGuid().ToString("N")),
            new(SessionEpochClaim, sessionEpoch.ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer32),
        ];
        if (provisionedOperator)
        {
            claims.Add(new Claim(OperatorClaim, "true", ClaimValueTypes.Boolean));
        }

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = (now + settings.TokenLifetime).UtcDateTime,
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        });
        return new BearerToken(token, "Bearer", (int)settings.TokenLifetime.TotalSeconds);
    }

    public static SymmetricSecurityKey SigningKey(AuthOptions settings) => new(Encoding.UTF8.GetBytes(settings.SigningKey!));
}

/// <summary>The body of a successful sign-in.</summary>
public sealed record BearerToken(string AccessToken, string TokenType, int ExpiresIn);
