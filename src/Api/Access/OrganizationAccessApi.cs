using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Access;

/// <summary>
/// A Security Official's management of their organization. A person connected with
/// another role gets 403; anyone else 404, so that nobody learns about organizations not theirs.
/// </summary>
internal static class OrganizationAccessApi
{
    public const int MaxReasonLength = 500;

    public static RouteGroupBuilder MapOrganizationAccessApi(this IEndpointRouteBuilder app)
    {
        // 404 to anyone not connected, so that the organization's existence does not leak; 403 to a connected Staff User.
        var group = app.MapGroup("/api/organizations/{orgType}/{orgId}").WithTags("Access").RequireSignedIn()
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/access-requests", RequestsAsync);
        group.MapPost("/access-requests/{requestId}/approve", ApproveAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/access-requests/{requestId}/deny", DenyAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/users", UsersAsync);
        group.MapDelete("/users/{userId}", RemoveAsync).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/audit", AuditAsync);
        return group;
    }

    private static async Task<Results<Ok<RequestView[]>, ValidationProblem, ProblemHttpResult>> RequestsAsync(
        string orgType, string orgId, string? status, int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (status is not (null or RequestStatus.Pending or RequestStatus.Approved or RequestStatus.Denied or RequestStatus.Expired))
        {
            return ApiProblems.Invalid("status", "status is pending, approved, denied or expired.");
        }

        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return RefusalProblems.For(AccessMessages.NotConnected);
        }

        var result = await organization.RequestsAsync(user.UserId(), status);
        return result.Refusal is null ? TypedResults.Ok(paging.Of(result.Value!, http)) : RefusalProblems.For(result.Refusal);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ApproveAsync(string orgType, string orgId, string requestId, ClaimsPrincipal user, IGrainFactory grains) =>
        Answer(OrganizationRoute.Find(grains, orgType, orgId) is { } organization
            ? await organization.ApproveAsync(user.UserId(), requestId)
            : AccessMessages.NotConnected);

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DenyAsync(
        string orgType, string orgId, string requestId, DenyBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var reason = string.IsNullOrWhiteSpace(body?.Reason) ? null : body.Reason.Trim();
        // Control characters are looked for before trimming, which would take a U+0085 at either end away unseen.
        if (reason is { Length: > MaxReasonLength } || body?.Reason?.Any(char.IsControl) == true)
        {
            return ApiProblems.Invalid("reason", $"A reason is at most {MaxReasonLength} characters, without control characters.");
        }

        var error = OrganizationRoute.Find(grains, orgType, orgId) is { } organization
            ? await organization.DenyAsync(user.UserId(), requestId, reason)
            : AccessMessages.NotConnected;
        return error is null ? TypedResults.NoContent() : RefusalProblems.For(error);
    }

    private static async Task<Results<Ok<MemberView[]>, ValidationProblem, ProblemHttpResult>> UsersAsync(
        string orgType, string orgId, int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return RefusalProblems.For(AccessMessages.NotConnected);
        }

        var result = await organization.MembersAsync(user.UserId());
        return result.Refusal is null ? TypedResults.Ok(paging.Of(result.Value!, http)) : RefusalProblems.For(result.Refusal);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string orgType, string orgId, string userId, ClaimsPrincipal user, IGrainFactory grains) =>
        Answer(OrganizationRoute.Find(grains, orgType, orgId) is { } organization
            ? await organization.RemoveMemberAsync(user.UserId(), AccountInput.NormalizeUserId(userId))
            : AccessMessages.NotConnected);

    /// <summary>A-30: the organization's audit trail, newest first.</summary>
    private static async Task<Results<Ok<AuditEntry[]>, ValidationProblem, ProblemHttpResult>> AuditAsync(
        string orgType, string orgId, int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        if (OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return RefusalProblems.For(AccessMessages.NotConnected);
        }

        var error = await organization.GuardAsync(user.UserId());
        if (error is not null)
        {
            return RefusalProblems.For(error);
        }

        var trail = await grains.Reference<IAuditTrailGrain>(organization.GetPrimaryKeyString()).PageAsync(paging.Skip, paging.PageSize);
        Paging.Total(http, trail.Total);
        return TypedResults.Ok(trail.Items);
    }

    private static Results<NoContent, ProblemHttpResult> Answer(Refusal? error) =>
        error is null ? TypedResults.NoContent() : RefusalProblems.For(error);
}
