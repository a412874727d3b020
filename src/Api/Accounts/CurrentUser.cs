using System.Security.Claims;

namespace QppOrleans.Api.Accounts;

public static class CurrentUser
{
    /// <summary>The signed-in person's normalized user id (endpoints that call this require authentication).</summary>
    public static string UserId(this ClaimsPrincipal user) =>
        user.FindFirstValue(AccessTokens.UserIdClaim) ?? throw new InvalidOperationException("The endpoint requires an authenticated user.");
}
