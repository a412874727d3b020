using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// ASP.NET Core's rate limiter on account creation and the sign-in steps: a fixed window per
/// client address (section <c>RateLimits:SignIn</c>). Lockout and the five-tries limit on
/// codes protect each account; this protects the service from one noisy client.
/// </summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static void AddSignInRateLimit(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection("RateLimits:SignIn");
        var permits = section.GetValue("PermitLimit", 30);
        var window = section.GetValue("Window", TimeSpan.FromMinutes(1));
        builder.Services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, _) =>
            {
                context.HttpContext.Response.Headers.RetryAfter =
                    ((int)(context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window).TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
            options.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
        });
    }
}
