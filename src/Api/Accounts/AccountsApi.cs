using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Errors;
using QppOrleans.Grains;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>Accounts and two-factor sign-in (A-1 … A-6), as <c>API.md</c> "Accounts and sign-in" has them.</summary>
internal static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/accounts", CreateAsync).WithTags("Accounts").RequireRateLimiting(SignInRateLimit.Policy);
        var auth = app.MapGroup("/api/auth").WithTags("Accounts").RequireRateLimiting(SignInRateLimit.Policy);
        auth.MapPost("/sign-in", SignInAsync);
        auth.MapPost("/challenges/{challengeId}/send", SendCodeAsync);
        auth.MapPost("/challenges/{challengeId}/verify", VerifyCodeAsync);
        app.MapGet("/api/me", MeAsync).WithTags("Accounts").RequireAuthorization();
        return app;
    }

    private static async Task<Results<Created<CreatedAccount>, ValidationProblem, ProblemHttpResult>> CreateAsync(CreateAccountRequest body, IGrainFactory grains)
    {
        var errors = AccountInput.Check(body.UserId, body.Password, body.FirstName, body.LastName, body.Email, body.Phone);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors);
        }

        var userId = AccountInput.NormalizeUserId(body.UserId!);
        var account = new NewAccount(userId, body.Password!, body.FirstName!, body.LastName!, body.Email!, body.Phone);
        return await grains.Reference<IUserGrain>(GrainKeys.User(userId)).CreateAsync(account)
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
        var result = await grains.Reference<IUserGrain>(GrainKeys.User(userId)).SignInAsync(body.Password);
        switch (result.Outcome)
        {
            case SignInOutcome.Challenged:
                return TypedResults.Ok(new SignInChallenge(ChallengeIds.Compose(userId, result.ChallengeSecret!), result.Devices!));
            case SignInOutcome.Locked:
                var wait = result.LockedUntil!.Value - clock.GetUtcNow();
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return ApiProblems.Problem(423, "locked", "The account is locked.",
                    "Too many failed sign-in attempts. Try again in 15 minutes or reset your password.");
            default:
                return InvalidCredentials();
        }
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
            _ => ChallengeNotFound(),
        };
    }

    private static async Task<Results<Ok<BearerToken>, ProblemHttpResult>> VerifyCodeAsync(
        string challengeId, VerifyCodeRequest body, IGrainFactory grains, AccessTokens tokens)
    {
        if (!ChallengeIds.TryParse(challengeId, out var userId, out var secret)
            || body.Code is not { Length: 6 } code || !code.All(char.IsAsciiDigit)
            || await grains.Reference<IUserGrain>(GrainKeys.User(userId)).VerifyCodeAsync(secret, code) is not { } sessionEpoch)
        {
            return ApiProblems.Problem(400, "invalid-code", "The code is not valid.",
                "The security code is wrong or has expired. Request a new code, or sign in again.");
        }

        return TypedResults.Ok(tokens.Issue(userId, sessionEpoch));
    }

    private static async Task<Results<Ok<Me>, ProblemHttpResult>> MeAsync(ClaimsPrincipal user, IGrainFactory grains, Operators operators)
    {
        var userId = user.UserId();
        return await grains.Reference<IUserGrain>(GrainKeys.User(userId)).GetProfileAsync() is { } profile
            ? TypedResults.Ok(new Me(profile.UserId, profile.FirstName, profile.LastName, profile.Email, operators.Includes(userId)))
            : ApiProblems.NotFound("There is no account for this token.");
    }

    private static ProblemHttpResult InvalidCredentials() =>
        ApiProblems.Problem(401, "invalid-credentials", "Sign-in failed.", "The user id or password is incorrect.");

    private static ProblemHttpResult ChallengeNotFound() =>
        ApiProblems.Problem(404, "challenge-not-found", "The sign-in has expired.", "This sign-in is no longer open. Sign in again.");
}
