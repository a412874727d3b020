using Microsoft.Extensions.Options;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Development: provisions the operator account of <c>Access:DevelopmentOperator</c> at start,
/// once (an account already provisioned is left as it is), so that a newcomer can sign in as an
/// operator with the password the Development settings give. Outside Development the API refuses
/// to start with such a section (<see cref="AuthenticationSetup"/>).
/// </summary>
internal sealed class DevelopmentOperator(IGrainFactory grains, IOptions<AccessOptions> options, ILogger<DevelopmentOperator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.DevelopmentOperator is not { } account)
        {
            return;
        }

        var user = grains.Reference<IUserGrain>(GrainKeys.User(AccountInput.NormalizeUserId(account.UserId)));
        if (await user.IsOperatorAsync())
        {
            return;
        }

        await user.ProvisionOperatorAsync(new NewAccount(account.UserId, account.Password, account.FirstName, account.LastName, account.Email, null));
        logger.LogInformation("Development operator {UserId} provisioned", account.UserId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
