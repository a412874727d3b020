using Microsoft.AspNetCore.Http.HttpResults;
using QppOrleans.Api.Accounts;
using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Notifications;

namespace QppOrleans.Api.Notifications;

/// <summary>The Service Center queue, for operators .</summary>
internal static class ServiceCenterApi
{
    public static IEndpointRouteBuilder MapServiceCenterApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/admin/service-center/requests", ListAsync).WithTags("Service Center").RequireAuthorization(Policies.Operator);
        return app;
    }

    private static async Task<Ok<ServiceCenterItem[]>> ListAsync(IGrainFactory grains, bool? includeClosed)
    {
        var requests = await grains.Reference<IServiceCenterQueueGrain>(GrainKeys.ServiceCenter).ListAsync(includeClosed ?? false);
        return TypedResults.Ok(requests.Select(ServiceCenterItem.From).ToArray());
    }
}

/// <summary>An item of the Service Center queue as operators see it.</summary>
internal sealed record ServiceCenterItem(
    Guid RequestId, DateTimeOffset OpenedAt, string OrgType, string OrgId, string OrganizationName,
    string UserId, string Role, string Reason, string Status)
{
    public static ServiceCenterItem From(ServiceCenterRequest r) => new(
        r.Id, r.OpenedAt, r.Organization.OrgType, r.Organization.OrgId, r.Organization.Name,
        r.RequesterUserId, r.Role, r.Reason, r.Open ? "open" : "resolved");
}
