using System.Text;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace QppOrleans.Api.Accounts;

internal static class AuthenticationSetup
{
    /// <summary>
    /// Bearer tokens signed with <c>Auth:SigningKey</c>, issuer, audience and lifetime all checked,
    /// and honoured only while the account's session is current (<see cref="AccountSessions"/>);
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
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton<AccountSessions>();
        builder.Services.AddSingleton<Operators>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.MapInboundClaims = false;
            // Nothing reads the raw token back from the request's properties; storing it cost a
            // dictionary per request.
            options.SaveToken = false;
            options.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuer = settings.Issuer,
                ValidAudience = settings.Audience,
                IssuerSigningKey = AccessTokens.SigningKey(settings),
                ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = AccessTokens.UserIdClaim,
            };
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = async context =>
                {
                    if (!await context.HttpContext.RequestServices.GetRequiredService<AccountSessions>().IsCurrentAsync(context.Principal!))
                    {
                        context.Fail("The account is locked or no longer exists; sign in again.");
                    }
                },
            };
        });
        builder.Services.AddSingleton(services => new VerifiedTokens(TimeProvider.System));
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<VerifiedTokens>((options, verified) =>
        {
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(verified);
        });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Operator, policy => policy.RequireAuthenticatedUser().RequireAssertion(context =>
                context.Resource is HttpContext http
                && context.User.FindFirst(AccessTokens.UserIdClaim)?.Value is { } userId
                && http.RequestServices.GetRequiredService<Operators>().Includes(userId)));
    }
}
