using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Accounts;

namespace QppOrleans.Api.Accounts;

/// <summary>
/// Passwords and verification devices. A signed-in person confirms each change with a
/// fresh code: <c>POST /api/me/challenges</c> opens a confirmation challenge, whose code is sent
/// like a sign-in's (<c>POST /api/auth/challenges/{id}/send</c>) and then given with the change.
/// </summary>
internal static class CredentialsApi
{
    /// <summary>What a reset offers: kinds of device, the same for every user id, so that the answer tells nothing.</summary>
    private static readonly VerificationDevice[] ResetChoices =
    [
        new(DeviceKinds.Email, DeviceKinds.Email, "the email addresses on the account"),
        new(DeviceKinds.Sms, DeviceKinds.Sms, "the phone numbers on the account"),
    ];

    public static RouteGroupBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Accounts");
        group.MapPost("/me/challenges", OpenConfirmationAsync).RequireSignedIn().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status423Locked);
        group.MapPut("/me/password", ChangePasswordAsync).RequireSignedIn().Changes();
        group.MapPost("/auth/password-reset", StartResetAsync).AllowAnonymous()
            .Throttled(Throttle.PasswordReset, context => context.Arguments.OfType<PasswordResetRequest>().Single().UserId is { } typed && AccountInput.IsUserId(typed)
                ? AccountInput.NormalizeUserId(typed)
                : null);
        group.MapPost("/auth/password-reset/{challengeId}/complete", CompleteResetAsync).AllowAnonymous().Changes()
            .Throttled(Throttle.PasswordReset, context => AccountsApi.UserIdOfChallenge(context.HttpContext));
        group.MapGet("/me/devices", DevicesAsync).RequireSignedIn();
        group.MapPost("/me/devices", AddDeviceAsync).RequireSignedIn().Changes();
        group.MapPost("/me/devices/{deviceId}/confirm", ConfirmDeviceAsync).RequireSignedIn().Changes();
        group.MapDelete("/me/devices/{deviceId}", RemoveDeviceAsync).RequireSignedIn().Changes();
        return group;
    }

    /// <summary>A change to the account's credentials: refused by the account's rules (<see cref="AccountProblems"/>).</summary>
    private static RouteHandlerBuilder Changes(this RouteHandlerBuilder change) =>
        change.ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status423Locked);

    private static async Task<Results<Ok<SignInChallenge>, ProblemHttpResult>> OpenConfirmationAsync(
        ClaimsPrincipal user, IGrainFactory grains, HttpContext http, [FromKeyedServices(DomainClock.Key)] TimeProvider clock)
    {
        var userId = user.UserId();
        return await Account(grains, userId).OpenConfirmationAsync() switch
        {
            null => ApiProblems.NotFound(AccountMessages.NoAccount.Message),
            { Outcome: SignInOutcome.Locked } locked => AccountsApi.Locked(http, locked.LockedUntil!.Value - clock.GetUtcNow()),
            var challenge => TypedResults.Ok(new SignInChallenge(ChallengeIds.Compose(userId, challenge.ChallengeSecret!), challenge.Devices!)),
        };
    }

    /// <summary>A-8: the current password and a fresh code; the account's email is told.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePasswordAsync(
        ChangePasswordRequest body, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        var userId = user.UserId();
        if (body.NewPassword is null || !PasswordPolicy.IsAcceptable(body.NewPassword, userId))
        {
            return ApiProblems.Invalid("newPassword", PasswordPolicy.Requirement);
        }

        if (string.IsNullOrEmpty(body.CurrentPassword) || body.CurrentPassword.Length > PasswordPolicy.MaxLength * 4)
        {
            return Answer(AccountMessages.WrongPassword);
        }

        if (OwnChallenge(userId, body.ChallengeId) is not { } secret || !AccountsApi.IsCode(body.Code))
        {
            return AccountsApi.InvalidCode();
        }

        return Answer(await Account(grains, userId).ChangePasswordAsync(body.CurrentPassword, body.NewPassword, secret, body.Code!, ClientAddress.Of(http)));
    }

    /// <summary>A-8: the same answer whether or not the id exists; a code goes only to the account's own devices.</summary>
    private static async Task<Results<Accepted<SignInChallenge>, ValidationProblem>> StartResetAsync(PasswordResetRequest body, IGrainFactory grains)
    {
        if (!AccountInput.IsUserId(body.UserId))
        {
            return ApiProblems.Invalid("userId", AccountInput.UserIdRule);
        }

        var userId = AccountInput.NormalizeUserId(body.UserId!);
        var secret = await Account(grains, userId).StartPasswordResetAsync();
        return TypedResults.Accepted((string?)null, new SignInChallenge(ChallengeIds.Compose(userId, secret), ResetChoices));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CompleteResetAsync(
        string challengeId, CompletePasswordResetRequest body, IGrainFactory grains, AccountSessions sessions)
    {
        if (!ChallengeIds.TryParse(challengeId, out var userId, out var secret) || !AccountsApi.IsCode(body.Code))
        {
            return AccountsApi.InvalidCode();
        }

        if (body.NewPassword is null || !PasswordPolicy.IsAcceptable(body.NewPassword, userId))
        {
            return ApiProblems.Invalid("newPassword", PasswordPolicy.Requirement);
        }

        var refusal = await Account(grains, userId).CompletePasswordResetAsync(secret, body.Code!, body.NewPassword);
        sessions.Forget(userId);
        return Answer(refusal);
    }

    private static async Task<Ok<DeviceView[]>> DevicesAsync(ClaimsPrincipal user, IGrainFactory grains) =>
        TypedResults.Ok(await Account(grains, user.UserId()).DevicesAsync());

    /// <summary>A-9: after a fresh code, a code goes to the new device; it is added when that code comes back.</summary>
    private static async Task<Results<Accepted<PendingDeviceView>, ValidationProblem, ProblemHttpResult>> AddDeviceAsync(
        AddDeviceRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.UserId();
        string? destination = body.Kind switch
        {
            DeviceKinds.Email when AccountInput.IsEmail(body.Address) => body.Address!.Trim(),
            DeviceKinds.Sms when body.Address is not null => AccountInput.NormalizePhone(body.Address),
            _ => null,
        };
        if (body.Kind is not (DeviceKinds.Email or DeviceKinds.Sms))
        {
            return ApiProblems.Invalid("kind", "kind is email or sms.");
        }

        if (destination is null)
        {
            return ApiProblems.Invalid("address", body.Kind == DeviceKinds.Email
                ? "address is a valid email address."
                : "address is a US phone number of ten digits, e.g. 410-555-0123.");
        }

        if (OwnChallenge(userId, body.ChallengeId) is not { } secret || !AccountsApi.IsCode(body.Code))
        {
            return AccountsApi.InvalidCode();
        }

        var (refusal, deviceId) = await Account(grains, userId).AddDeviceAsync(body.Kind, destination, secret, body.Code!);
        return refusal is null
            ? TypedResults.Accepted($"/api/me/devices/{deviceId}", new PendingDeviceView(deviceId!, "pending"))
            : RefusalProblems.For(refusal);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ConfirmDeviceAsync(
        string deviceId, ConfirmDeviceRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (!AccountsApi.IsCode(body.Code) || deviceId.Length > 64)
        {
            return AccountsApi.InvalidCode();
        }

        return Answer(await Account(grains, user.UserId()).ConfirmDeviceAsync(deviceId, body.Code!));
    }

    /// <summary>
    /// the fresh code travels in the body, as with the other changes (a DELETE with a body: a
    /// code does not belong in a URL, where gateways log it).
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveDeviceAsync(
        string deviceId, [FromBody] ConfirmationRequest body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var userId = user.UserId();
        if (deviceId.Length > 64)
        {
            return RefusalProblems.For(AccountMessages.NoSuchDevice);
        }

        if (OwnChallenge(userId, body.ChallengeId) is not { } secret || !AccountsApi.IsCode(body.Code))
        {
            return AccountsApi.InvalidCode();
        }

        return Answer(await Account(grains, userId).RemoveDeviceAsync(deviceId, secret, body.Code!));
    }

    private static IUserGrain Account(IGrainFactory grains, string userId) => grains.Reference<IUserGrain>(GrainKeys.User(userId));

    /// <summary>The secret of a challenge id that names the signed-in person; null for anyone else's.</summary>
    private static string? OwnChallenge(string userId, string? challengeId) =>
        challengeId is not null && ChallengeIds.TryParse(challengeId, out var owner, out var secret) && owner == userId ? secret : null;

    private static Results<NoContent, ValidationProblem, ProblemHttpResult> Answer(Refusal? refusal) =>
        refusal is null ? TypedResults.NoContent() : RefusalProblems.For(refusal);
}
