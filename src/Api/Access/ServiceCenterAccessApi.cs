using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Access;
using QppOrleans.Grains.Abstractions.Accounts;
using QppOrleans.Grains.Abstractions.Directory;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Access;

/// <summary>What only the Service Center (operators) does with roles: A-26 resolutions, A-28 role changes, any removal.</summary>
internal static class ServiceCenterAccessApi
{
    public static RouteGroupBuilder MapServiceCenterAccessApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Service Center").RequireOperator().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/organizations/{orgType}/{orgId}/users/{userId}/role", ChangeRoleAsync);
        // API.md: "DELETE of the same" (the role); the user path is kept for existing callers.
        group.MapDelete("/organizations/{orgType}/{orgId}/users/{userId}/role", RemoveAsync);
        group.MapDelete("/organizations/{orgType}/{orgId}/users/{userId}", RemoveAsync);
        group.MapPost("/service-center/requests/{id:guid}/resolve", ResolveAsync);
        group.MapGet("/organizations/{orgType}/{orgId}/users", UsersAsync);
        return group;
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangeRoleAsync(
        string orgType, string orgId, string userId, RoleBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.Role is not (Roles.SecurityOfficial or Roles.StaffUser))
        {
            return ApiProblems.Invalid("role", "role is security-official or staff-user (A-28).");
        }

        if (OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return ApiProblems.NotFound("There is no such organization.");
        }

        var error = await organization.ChangeRoleAsync(user.UserId(), AccountInput.NormalizeUserId(userId), body.Role);
        return error is null ? TypedResults.NoContent() : RefusalProblems.For(error);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveAsync(string orgType, string orgId, string userId, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (OrganizationRoute.Find(grains, orgType, orgId) is not { } organization)
        {
            return ApiProblems.NotFound("There is no such organization.");
        }

        var error = await organization.RemoveByServiceCenterAsync(user.UserId(), AccountInput.NormalizeUserId(userId), reason: "Removed by the QPP Service Center.");
        return error is null ? TypedResults.NoContent() : RefusalProblems.For(error);
    }

    /// <summary>A-31: an organization's users and their roles, so that the Service Center can tell a caller who their Security Official is (FAQ 3).</summary>
    private static async Task<Results<Ok<ServiceCenterMember[]>, ValidationProblem, ProblemHttpResult>> UsersAsync(
        string orgType, string orgId, int? page, int? pageSize, ClaimsPrincipal user, IGrainFactory grains, HttpContext http)
    {
        if (Hosting.Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        return OrganizationRoute.Find(grains, orgType, orgId) is { } organization
            ? TypedResults.Ok(paging.Of(await organization.MembersForServiceCenterAsync(user.UserId()), http))
            : ApiProblems.NotFound("There is no such organization.");
    }

    /// <summary>A-26: approve grants the role the person asked for; deny lets them try again.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ResolveAsync(Guid id, ResolveBody body, ClaimsPrincipal user, IGrainFactory grains)
    {
        if (body.Outcome is not ("approve" or "deny"))
        {
            return ApiProblems.Invalid("outcome", "outcome is approve or deny.");
        }

        if (body.Note is { Length: > OrganizationAccessApi.MaxReasonLength } || body.Note?.Any(char.IsControl) == true)
        {
            return ApiProblems.Invalid("note", $"A note is at most {OrganizationAccessApi.MaxReasonLength} characters, without control characters.");
        }

        var queue = grains.Reference<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter);
        if (await queue.GetAsync(id) is not { } item)
        {
            return ApiProblems.NotFound("There is no such Service Center request.");
        }

        if (!item.Open)
        {
            return ApiProblems.Problem(409, "already-resolved", "The request was already resolved.", "This Service Center request is already resolved.");
        }

        var organization = grains.Reference<IOrganizationGrain>(GrainKeys.Organization(item.Organization.OrgType, item.Organization.OrgId));
        var error = await organization.ResolveEscalationAsync(user.UserId(), item.RequesterUserId, body.Outcome == "approve", body.Note);
        if (error is not null && error != AccessMessages.NoEscalation)
        {
            return RefusalProblems.For(error);
        }

        // Closing after the organization acted makes a retry safe: the organization answers NoEscalation the second time.
        await queue.CloseAsync(user.UserId(), id);
        return TypedResults.NoContent();
    }
}
