using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Api.Errors;
using QppOrleans.Api.Hosting;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Notifications;

/// <summary>The Service Center queue, for operators: open requests oldest first, or resolved ones newest first; paged.</summary>
internal static class ServiceCenterApi
{
    public static RouteHandlerBuilder MapServiceCenterApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/service-center/requests", ListAsync).WithTags("Service Center").RequireOperator();

    private static async Task<Results<Ok<ServiceCenterItem[]>, ValidationProblem>> ListAsync(
        IGrainFactory grains, ClaimsPrincipal user, HttpContext http, string? status, int? page, int? pageSize)
    {
        if (status is not (null or "open" or "resolved"))
        {
            return ApiProblems.Invalid("status", "status is open or resolved.");
        }

        if (Paging.TryRead(page, pageSize, out var paging) is { } invalid)
        {
            return invalid;
        }

        var found = await grains.Reference<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter)
            .PageAsync(user.UserId(), status == "resolved", paging.Skip, paging.PageSize);
        Paging.Total(http, found.Total);
        return TypedResults.Ok(found.Items.Select(ServiceCenterItem.From).ToArray());
    }
}

/// <summary>An item of the Service Center queue as operators see it.</summary>
internal sealed record ServiceCenterItem(
    Guid RequestId, DateTimeOffset OpenedAt, string OrgType, string OrgId, string OrganizationName,
    string UserId, string Role, string Reason, string Status, DateTimeOffset? ResolvedAt, string? ResolvedBy)
{
    public static ServiceCenterItem From(ServiceCenterRequest r) => new(
        r.Id, r.OpenedAt, r.Organization.OrgType, r.Organization.OrgId, r.Organization.Name,
        r.RequesterUserId, r.Role, r.Reason, r.Open ? "open" : "resolved", r.ResolvedAt, r.ResolvedBy);
}
