using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Grains;

/// <summary>
/// Operator-only grain methods check the operator themselves, rather than trust that the caller
/// did: the acting user's account must have been provisioned as an operator's.
/// </summary>
public static class OperatorCheck
{
    public static async Task RequireOperatorAsync(this IGrainFactory grains, string userId)
    {
        if (!await grains.Reference<IUserGrain>(GrainKeys.User(userId)).IsOperatorAsync())
        {
            throw new OperatorRequiredException();
        }
    }
}
