using Microsoft.Extensions.Options;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>The operator role: granted by <c>Access:Operators</c> in configuration and nowhere else.</summary>
public sealed class Operators(IOptionsMonitor<AccessOptions> options)
{
    public bool Includes(string userId) =>
        options.CurrentValue.Operators.Any(o => AccountInput.NormalizeUserId(o) == AccountInput.NormalizeUserId(userId));
}
