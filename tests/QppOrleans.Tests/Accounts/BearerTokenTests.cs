using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using QppOrleans.Tests.Infrastructure;

namespace QppOrleans.Tests.Accounts;

/// <summary>A-6: only an unexpired token signed with the service's key, for its issuer and audience, is accepted.</summary>
public sealed class BearerTokenTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    private const string DevelopmentKey = "development-only-signing-key-never-use-it-in-production";

    [Fact]
    public async Task A6_A_token_the_service_issued_is_accepted()
    {
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync(Token()));
    }

    [Theory]
    [InlineData("issuer")]
    [InlineData("audience")]
    [InlineData("key")]
    [InlineData("expired")]
    [InlineData("unsigned")]
    public async Task A6_A_token_with_a_wrong_issuer_audience_key_or_lifetime_is_refused(string wrong)
    {
        var token = wrong switch
        {
            "issuer" => Token(issuer: "someone-else"),
            "audience" => Token(audience: "another-service"),
            "key" => Token(key: "a-different-key-of-more-than-thirty-two-bytes"),
            "expired" => Token(expires: DateTime.UtcNow.AddMinutes(-5)),
            _ => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = "qpp-access", Audience = "qpp-portal", Subject = new ClaimsIdentity([new Claim("sub", "mallory")]),
            }),
        };

        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync(token));
    }

    private async Task<HttpStatusCode> StatusWithAsync(string token)
    {
        using var http = api.Anonymous();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return (await http.GetAsync("/api/me/notifications")).StatusCode;
    }

    private static string Token(string issuer = "qpp-access", string audience = "qpp-portal", string key = DevelopmentKey, DateTime? expires = null)
    {
        var notBefore = (expires ?? DateTime.UtcNow.AddMinutes(10)).AddMinutes(-20);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", "mallory")]),
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }
}
