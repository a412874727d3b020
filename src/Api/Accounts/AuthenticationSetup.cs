using System.Text;
using Microsoft.AspNetCore.Authentication;

namespace QppOrleans.Api.Accounts;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens signed with <c>Auth:SigningKey</c>, issuer, audience and lifetime all checked,
    /// and honoured only while the account's session is current (<see cref="BearerAuthentication"/>);
    /// the operator policy reads <c>Access:Operators</c>. Without a key the API refuses to start.
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

        builder.Services.Configure<AuthOptions>(builder.Configuration.GetSection(AuthOptions.Section));
        builder.Services.Configure<AccessOptions>(builder.Configuration.GetSection(AccessOptions.Section));
        builder.Services.AddSingleton<AccessTokens>();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<VerifiedTokens>();
        builder.Services.AddSingleton<Operators>();
        builder.Services.AddAuthentication(BearerAuthentication.SchemeName).AddScheme<AuthenticationSchemeOptions, BearerAuthentication>(BearerAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operator, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.Resource is HttpContext http
                && context.User.FindFirst(AccessTokens.UserIdClaim)?.Value is { } userId
                && http.RequestServices.GetRequiredService<Operators>().Includes(userId)));
    }
}
