using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using QppOrleans.WebPortal.Api;

namespace QppOrleans.WebPortal.Session;

/// <summary>
/// A person's portal session: the API's bearer token and who they are, in an HttpOnly cookie
/// sealed by ASP.NET Data Protection, expiring with the token. Nothing is kept on the server.
/// </summary>
public static class PortalSession
{
    public const string Scheme = "qpp-portal";
    public const string Policy = "qpp-portal";
    public const string OperatorPolicy = "qpp-portal-operator";

    private const string TokenClaim = "qpp:token";
    private const string UserIdClaim = "qpp:user";
    private const string OperatorClaim = "qpp:operator";

    public static async Task SignInAsync(HttpContext http, Me me, BearerToken token)
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(UserIdClaim, me.UserId),
            new Claim(ClaimTypes.Name, $"{me.FirstName} {me.LastName}"),
            new Claim(OperatorClaim, me.Operator ? "true" : "false"),
            new Claim(TokenClaim, token.AccessToken),
        ], Scheme, ClaimTypes.Name, null);
        var expires = DateTimeOffset.UtcNow.AddSeconds(Math.Max(60, token.ExpiresIn - 30));
        await http.SignInAsync(Scheme, new ClaimsPrincipal(identity), new AuthenticationProperties { ExpiresUtc = expires, IsPersistent = false });
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    public static string? Token(ClaimsPrincipal user) => user.FindFirst(TokenClaim)?.Value;

    public static string? UserId(ClaimsPrincipal user) => user.FindFirst(UserIdClaim)?.Value;

    public static bool IsOperator(ClaimsPrincipal user) => user.HasClaim(OperatorClaim, "true");

    public static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = "qpp-session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Strict;
        options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        options.SlidingExpiration = false;
        options.ExpireTimeSpan = TimeSpan.FromMinutes(30);
        options.LoginPath = "/sign-in";
        options.LogoutPath = "/sign-out";
        options.AccessDeniedPath = "/not-allowed";
        options.ReturnUrlParameter = "returnUrl";
    }
}
