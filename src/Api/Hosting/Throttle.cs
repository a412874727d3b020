using System.Globalization;
using System.Threading.RateLimiting;
using QppOrleans.Api.Errors;

namespace QppOrleans.Api.Hosting;

/// <summary>
/// Rate limits on what one client or one account may ask for (section <c>RateLimits</c>): each
/// policy counts a request against the client it comes from (<see cref="ClientAddress"/>) and
/// against the account it names, each in fixed windows. The client is counted first, so that a
/// client over its limit cannot fill memory with partitions for accounts it invents. Limits are
/// kept per API process; behind a gateway each instance counts its own share.
/// </summary>
public sealed class Throttle : IDisposable
{
    public const string Section = "RateLimits";

    /// <summary>Account creation: per client, and per user id asked for.</summary>
    public const string AccountCreation = nameof(AccountCreation);

    /// <summary>The sign-in steps (password, send a code, verify a code): per client, and per account.</summary>
    public const string SignIn = nameof(SignIn);

    /// <summary>Password reset requests and their codes: per client, and per account (each one mails the owner).</summary>
    public const string PasswordReset = nameof(PasswordReset);

    /// <summary>Access requests (each names up to 25 practices): per client, and per signed-in requester.</summary>
    public const string AccessRequests = nameof(AccessRequests);

    /// <summary>Registration changes (each mails every contact once registered, R-9): per client, and per signed-in Security Official.</summary>
    public const string RegistrationWrites = nameof(RegistrationWrites);

    private static readonly Dictionary<string, ThrottleRule> Defaults = new()
    {
        [AccountCreation] = new ThrottleRule { PerClient = 20, PerAccount = 5, Window = TimeSpan.FromHours(1) },
        [SignIn] = new ThrottleRule { PerClient = 60, PerAccount = 30, Window = TimeSpan.FromMinutes(1) },
        [PasswordReset] = new ThrottleRule { PerClient = 10, PerAccount = 3, Window = TimeSpan.FromMinutes(15) },
        [AccessRequests] = new ThrottleRule { PerClient = 120, PerAccount = 60, Window = TimeSpan.FromHours(1) },
        [RegistrationWrites] = new ThrottleRule { PerClient = 600, PerAccount = 60, Window = TimeSpan.FromMinutes(1) },
    };

    private readonly Dictionary<string, (PartitionedRateLimiter<string> Clients, PartitionedRateLimiter<string> Accounts, ThrottleRule Rule)> policies = [];

    public Throttle(IConfiguration configuration)
    {
        foreach (var (name, defaults) in Defaults)
        {
            var rule = new ThrottleRule { PerClient = defaults.PerClient, PerAccount = defaults.PerAccount, Window = defaults.Window };
            configuration.GetSection($"{Section}:{name}").Bind(rule);
            if (rule.PerClient < 1 || rule.PerAccount < 1 || rule.Window <= TimeSpan.Zero)
            {
                throw new InvalidOperationException($"{Section}:{name}: PerClient and PerAccount are at least 1, Window is positive.");
            }

            policies[name] = (Limiter(rule.PerClient, rule.Window), Limiter(rule.PerAccount, rule.Window), rule);
        }
    }

    /// <summary>Counts a request of <paramref name="client"/>: null when it may go on, otherwise how long to wait.</summary>
    public TimeSpan? RefuseClient(string policy, string client) => Acquire(policies[policy].Clients, client, policies[policy].Rule);

    /// <summary>Counts a request naming <paramref name="account"/>: null when it may go on, otherwise how long to wait.</summary>
    public TimeSpan? RefuseAccount(string policy, string account) => Acquire(policies[policy].Accounts, account, policies[policy].Rule);

    public void Dispose()
    {
        foreach (var (clients, accounts, _) in policies.Values)
        {
            clients.Dispose();
            accounts.Dispose();
        }
    }

    /// <summary>The 429 a refused request gets, with <c>Retry-After</c> in whole seconds.</summary>
    public static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult TooMany(HttpContext http, TimeSpan wait)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        return ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "too-many-requests", "Too many requests.",
            $"Too many attempts. Wait {seconds} seconds and try again.");
    }

    private static PartitionedRateLimiter<string> Limiter(int permits, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(
            key, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0, AutoReplenishment = true }));

    private static TimeSpan? Acquire(PartitionedRateLimiter<string> limiter, string key, ThrottleRule rule)
    {
        using var lease = limiter.AttemptAcquire(key);
        return lease.IsAcquired ? null : lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : rule.Window;
    }
}

/// <summary>One policy's limits: requests per client and per account in each window.</summary>
public sealed class ThrottleRule
{
    public int PerClient { get; set; }

    public int PerAccount { get; set; }

    public TimeSpan Window { get; set; }
}

/// <summary>Puts an endpoint under a <see cref="Throttle"/> policy.</summary>
public static class ThrottledEndpoints
{
    /// <param name="account">
    /// The normalized account the request names, once its arguments are bound; null counts the
    /// client only. Asked only when the client is within its own limit.
    /// </param>
    public static TBuilder Throttled<TBuilder>(this TBuilder builder, string policy, Func<EndpointFilterInvocationContext, ValueTask<string?>> account)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var throttle = http.RequestServices.GetRequiredService<Throttle>();
            if (throttle.RefuseClient(policy, ClientAddress.Of(http)) is { } clientWait)
            {
                return Throttle.TooMany(http, clientWait);
            }

            return await account(context) is { } named && throttle.RefuseAccount(policy, named) is { } accountWait
                ? Throttle.TooMany(http, accountWait)
                : await next(context);
        }).ProducesProblem(StatusCodes.Status429TooManyRequests);

    public static TBuilder Throttled<TBuilder>(this TBuilder builder, string policy, Func<EndpointFilterInvocationContext, string?> account)
        where TBuilder : IEndpointConventionBuilder =>
        builder.Throttled(policy, context => ValueTask.FromResult(account(context)));
}
