using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens signed with <c>Auth:SigningKey</c>, issuer, audience and lifetime all checked,
    /// and honoured only while the account's session is current (<see cref="BearerAuthentication"/>);
    /// the operator policy reads <c>Access:Operators</c>. Every endpoint needs a signed-in caller
    /// unless it says <c>AllowAnonymous</c> (the fallback policy), so a new endpoint is never open
    /// by mistake. Without a key, or with the Development key outside Development, the API refuses
    /// to start.
    /// </summary>
    public static void AddQppAuthentication(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AuthOptions.Section).Get<AuthOptions>() ?? new AuthOptions();
        if (string.IsNullOrEmpty(settings.SigningKey) || Encoding.UTF8.GetByteCount(settings.SigningKey) < AuthOptions.MinimumKeyBytes)
        {
            throw new InvalidOperationException(
                $"Auth:SigningKey must be set to a secret of at least {AuthOptions.MinimumKeyBytes} bytes " +
                "(environment variable Auth__SigningKey). Only the Development settings ship one.");
        }

        if (settings.SigningKey == AuthOptions.DevelopmentSigningKey && !builder.Environment.IsDevelopment())
        {
            throw new InvalidOperationException(
                "Auth:SigningKey is the Development key, which anyone can read in the repository. " +
                "Outside Development set a secret key of your own (environment variable Auth__SigningKey).");
        }

        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        if (access.DevelopmentOperator is { } developmentOperator)
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Access:DevelopmentOperator provisions an operator with a password anyone can read; it is refused outside Development. " +
                    "Provision operators with the provision-operator command (README).");
            }

            var errors = AccountInput.Check(developmentOperator.UserId, developmentOperator.Password,
                developmentOperator.FirstName, developmentOperator.LastName, developmentOperator.Email, null);
            if (errors.Count > 0 || !access.Operators.Contains(developmentOperator.UserId, StringComparer.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException(
                    "Access:DevelopmentOperator must be a valid account whose user id is listed in Access:Operators: " +
                    string.Join(" ", errors.SelectMany(e => e.Value)));
            }
        }

        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<VerifiedTokens>();
        builder.Services.AddSingleton<KnownClients>();
        builder.Services.AddSingleton<Operators>();
        builder.Services.AddAuthentication(BearerAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(BearerAuthentication.SchemeName).RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Operator, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.Resource is HttpContext http && http.RequestServices.GetRequiredService<Operators>().Holds(context.User)));
    }
}
