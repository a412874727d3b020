using System.Security.Claims;
using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// The operator role: the user id is listed in <c>Access:Operators</c>, and the account was set up
/// by the provisioning command (its token says so). Nobody can create or claim an operator's
/// account through the public API, and removing an id from the list takes the role away at once.
/// </summary>
public sealed class Operators(IOptionsMonitor<AccessOptions> options)
{
    /// <summary>The id is listed: the public API neither creates an account for it nor signs anyone up under it.</summary>
    public bool Includes(string userId) =>
        options.CurrentValue.Operators.Any(o => AccountInput.NormalizeUserId(o) == AccountInput.NormalizeUserId(userId));

    public bool Holds(ClaimsPrincipal user) =>
        user.FindFirst(AccessTokens.OperatorClaim)?.Value == "true"
        && user.FindFirst(AccessTokens.UserIdClaim)?.Value is { } userId
        && Includes(userId);
}
