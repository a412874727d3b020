using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// The <c>Bearer</c> scheme: a token <see cref="VerifiedTokens"/> accepts, of an account whose
/// session is still current (<see cref="AccountSessions"/>). It replaces <c>JwtBearer</c>, which did
/// the same checks but, for every request, copied its validation parameters, cut the token out of
/// the header, copied the claims and formatted the token's dates into the ticket: together about a
/// quarter of what a portal read allocated (BENCHMARKS.md). Challenges follow RFC 6750.
/// </summary>
public sealed class BearerAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    VerifiedTokens tokens,
    AccountSessions sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    private const string Prefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization;
        if (header.Count == 0)
        {
            return AuthenticateResult.NoResult();
        }

        if (header.Count > 1)
        {
            return AuthenticateResult.Fail("The request has more than one Authorization header.");
        }

        if (header[0] is not { } value || !value.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult(); // another scheme, which this service does not take
        }

        var text = value.AsSpan(Prefix.Length).Trim();
        if (text.IsEmpty)
        {
            return AuthenticateResult.NoResult();
        }

        var token = tokens.Recall(text) ?? await tokens.VerifyAsync(text.ToString());
        if (token is null)
        {
            return AuthenticateResult.Fail("The bearer token is not valid.");
        }

        if (!await sessions.IsCurrentAsync(token.UserId, token.SessionEpoch, token.TokenId))
        {
            return AuthenticateResult.Fail("The session has ended (signed out, or the account no longer exists); sign in again.");
        }

        Context.Features.Set(token);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(token.Identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = result.Failure is { } failure
            ? $"Bearer error=\"invalid_token\", error_description=\"{failure.Message}\""
            : "Bearer";
    }
}
