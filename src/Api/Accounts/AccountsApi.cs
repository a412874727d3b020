using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Accounts and two-factor sign-in (A-1 … A-7), as <c>API.md</c> "Accounts and sign-in" has them.
/// Password and device changes are <see cref="CredentialsApi"/>.
/// </summary>
internal static class AccountsApi
{
    public static RouteGroupBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        var accounts = app.MapGroup("/api").WithTags("Accounts");
        accounts.MapPost("/accounts", CreateAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status409Conflict)
            .Throttled(Throttle.AccountCreation, context => UserIdOf(context.Arguments.OfType<CreateAccountRequest>().Single().UserId));
        accounts.MapPost("/auth/sign-in", SignInAsync).AllowAnonymous().Throttled(Throttle.SignIn, SignInAccountAsync)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status423Locked);
        // A code step is counted against its challenge, which only a right password opens: strangers
        // cannot spend the owner's allowance, and the account's grain limits codes across challenges.
        accounts.MapPost("/auth/challenges/{challengeId}/send", SendCodeAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status404NotFound)
            .Throttled(Throttle.SignIn, context => ChallengeOf(context.HttpContext));
        accounts.MapPost("/auth/challenges/{challengeId}/verify", VerifyCodeAsync).AllowAnonymous().ProducesProblem(StatusCodes.Status400BadRequest)
            .Throttled(Throttle.SignIn, context => ChallengeOf(context.HttpContext));
        accounts.MapPost("/auth/sign-out", SignOutAsync).RequireSignedIn();
        accounts.MapPost("/auth/sign-out-everywhere", SignOutEverywhereAsync).RequireSignedIn();
        accounts.MapGet("/me", MeAsync).RequireSignedIn().ProducesProblem(StatusCodes.Status404NotFound);
        accounts.MapGet("/me/audit", AuditAsync).RequireSignedIn();
        return accounts;
    }

    /// <summary>Set on a sign-in whose client proved it signed in to this account before (see <see cref="KnownClients"/>).</summary>
    private const string KnownClientKey = "qpp.known-client";

    private static async Task<Results<Created<CreatedAccount>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateAccountRequest body, IGrainFactory grains, Operators operators)
    {
        var errors = AccountInput.Check(body.UserId, body.Password, body.FirstName, body.LastName, body.Email, body.Phone);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var userId = AccountInput.NormalizeUserId(body.UserId!);

        // An operator's id is taken whether or not its account exists yet: it is provisioned out of band.
        var account = new NewAccount(userId, body.Password!, body.FirstName!, body.LastName!, body.Email!, body.Phone);
        return !operators.Includes(userId) && await grains.Reference<IUserGrain>(GrainKeys.User(userId)).CreateAsync(account)
            ? TypedResults.Created("/api/me", new CreatedAccount(userId))
            : ApiProblems.Problem(409, "user-exists", "The user id is taken.", "An account with this user id already exists. Choose another user id.");
    }

    private static async Task<Results<Ok<SignInChallenge>, ProblemHttpResult>> SignInAsync(
        SignInRequest body, IGrainFactory grains, HttpContext http, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    {
        // without the Statement of Truth nobody signs in, whatever the password.
        if (body.StatementOfTruth is not true)
        {
            return ApiProblems.Problem(400, "statement-of-truth-required", "The Statement of Truth must be accepted.",
                "Check \"Yes, I agree\" next to the Statement of Truth to sign in.");
        }

        if (string.IsNullOrEmpty(body.UserId) || string.IsNullOrEmpty(body.Password)
            || body.UserId.Length > 254 || body.Password.Length > PasswordPolicy.MaxLength * 4)
        {
            return InvalidCredentials();
        }

        var userId = AccountInput.NormalizeUserId(body.UserId);
        var known = http.Items[KnownClientKey] is true;
        var result = await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SignInAsync(body.Password, ClientAddress.Of(http), known);
        return result.Outcome switch
        {
            SignInOutcome.Challenged => TypedResults.Ok(new SignInChallenge(ChallengeIds.Compose(userId, result.ChallengeSecret!), result.Devices!)),
            SignInOutcome.Locked => Locked(http, result.LockedUntil!.Value - clock.GetUtcNow()),
            _ => InvalidCredentials(),
        };
    }

    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SendCodeAsync(string challengeId, SendCodeRequest body, IGrainFactory grains)
    {
        if (!ChallengeIds.TryParse(challengeId, out var userId, out var secret))
        {
            return ChallengeNotFound();
        }

        if (string.IsNullOrEmpty(body.DeviceId) || body.DeviceId.Length > 64)
        {
            return ApiProblems.Invalid("deviceId", "deviceId is one of the devices the sign-in offered.");
        }

        return await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SendCodeAsync(secret, body.DeviceId) switch
        {
            SendCodeOutcome.Sent => TypedResults.Accepted((string?)null),
            SendCodeOutcome.UnknownDevice => ApiProblems.Invalid("deviceId", "deviceId is one of the devices the sign-in offered."),
            SendCodeOutcome.TooManyCodes => ApiProblems.Problem(429, "too-many-codes", "Too many codes.",
                "Too many codes were sent for this sign-in. Start again to get a new code."),
            _ => ChallengeNotFound(),
        };
    }

    private static async Task<Results<Ok<SignedIn>, ProblemHttpResult>> VerifyCodeAsync(
        string challengeId, VerifyCodeRequest body, IGrainFactory grains, AccessTokens tokens, KnownClients knownClients)
    {
        if (!ChallengeIds.TryParse(challengeId, out var userId, out var secret)
            || !IsCode(body.Code)
            || await grains.Reference<IUserGrain>(GrainKeys.User(userId)).VerifyCodeAsync(secret, body.Code!) is not { } grant)
        {
            return InvalidCode();
        }

        var token = tokens.Issue(userId, grant.SessionEpoch, grant.Operator);
        return TypedResults.Ok(new SignedIn(token.AccessToken, token.TokenType, token.ExpiresIn, knownClients.Issue(userId)));
    }

    /// <summary>A-7: this token stops working at once.</summary>
    private static async Task<NoContent> SignOutAsync(HttpContext http, IGrainFactory grains, VerifiedTokens verified, AccountSessions sessions)
    {
        var token = http.Features.Get<VerifiedToken>()!;
        await grains.Reference<IUserGrain>(GrainKeys.User(token.UserId)).SignOutAsync(token.TokenId, token.Expires);
        verified.Forget(http.Request.Headers.Authorization.ToString().AsSpan("Bearer ".Length).Trim());
        sessions.Forget(token.UserId);
        return TypedResults.NoContent();
    }

    /// <summary>A-7: every token of the account stops working.</summary>
    private static async Task<NoContent> SignOutEverywhereAsync(ClaimsPrincipal user, IGrainFactory grains, AccountSessions sessions)
    {
        var userId = user.UserId();
        await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SignOutEverywhereAsync();
        sessions.Forget(userId);
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, IGrainFactory grains, Operators operators)
    {
        var userId = user.UserId();
        return await grains.Reference<IUserGrain>(GrainKeys.User(userId)).GetProfileAsync() is { } profile
            ? TypedResults.Ok(new Me(profile.UserId, profile.FirstName, profile.LastName, profile.Email, operators.Holds(user)))
            : ApiProblems.NotFound("There is no account for this token.");
    }

    /// <summary>The person's own audit trail (A-7 … A-9): codes sent, sign-outs, password and device changes.</summary>
    private static async Task<Results<Ok<Grains.Abstractions.Notifications.AuditEntry[]>, ValidationProblem>> AuditAsync(
        ClaimsPrincipal user, IGrainFactory grains, HttpContext http, int? page, int? pageSize)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        var trail = await grains.Reference<Grains.Abstractions.Notifications.IAuditTrailGrain>(GrainKeys.User(user.UserId())).PageAsync(paging.Skip, paging.PageSize);
        Paging.Total(http, trail.Total);
        return TypedResults.Ok(trail.Items);
    }

    /// <summary>
    /// The account a sign-in counts against, if any: a client the account knows is not counted
    /// against the account's allowance, which strangers could otherwise spend to keep the owner
    /// out; the sign-in itself is told so.
    /// </summary>
    private static async ValueTask<string?> SignInAccountAsync(EndpointFilterInvocationContext context)
    {
        var body = context.Arguments.OfType<SignInRequest>().Single();
        if (UserIdOf(body.UserId) is not { } userId)
        {
            return null;
        }

        if (await context.HttpContext.RequestServices.GetRequiredService<KnownClients>().VouchesAsync(body.KnownClient, userId))
        {
            context.HttpContext.Items[KnownClientKey] = true;
            return null;
        }

        return userId;
    }

    public static bool IsCode(string? code) => code is { Length: 6 } && code.All(char.IsAsciiDigit);

    public static ProblemHttpResult InvalidCode() =>
        ApiProblems.Problem(400, "invalid-code", "The code is not valid.", AccountMessages.InvalidCode.Message);

    public static ProblemHttpResult Locked(HttpContext http, TimeSpan wait)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ApiProblems.Problem(423, "locked", "Sign-in is locked for now.",
            "Too many failed sign-in attempts. Try again in 15 minutes or reset your password.");
    }

    public static ProblemHttpResult ChallengeNotFound() =>
        ApiProblems.Problem(404, "challenge-not-found", "The sign-in has expired.", "This sign-in is no longer open. Sign in again.");

    /// <summary>The challenge a code step is counted against.</summary>
    private static string? ChallengeOf(HttpContext http) => http.Request.RouteValues["challengeId"] as string is { Length: <= 200 } id ? $"challenge:{id}" : null;

    /// <summary>The account a challenge id names, for the throttle; null when the id cannot be read.</summary>
    public static string? UserIdOfChallenge(HttpContext http) =>
        http.Request.RouteValues["challengeId"] is string id && ChallengeIds.TryParse(id, out var userId, out _) ? userId : null;

    private static string? UserIdOf(string? typed) => AccountInput.IsUserId(typed) ? AccountInput.NormalizeUserId(typed!) : null;

    private static ProblemHttpResult InvalidCredentials() =>
        ApiProblems.Problem(401, "invalid-credentials", "Sign-in failed.", "The user id or password is incorrect.");
}
