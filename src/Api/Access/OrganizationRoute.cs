using QppOrleans.Grains.Abstractions;
using QppOrleans.Grains.Abstractions.Directory;

namespace QppOrleans.Api.Access;

/// <summary>The <c>{orgType}/{orgId}</c> of a route, checked and normalized .</summary>
internal static class OrganizationRoute
{
    public static IOrganizationGrain? Find(IGrainFactory grains, string orgType, string orgId) =>
        OrgTypes.All.Contains(orgType) && OrgTypes.TryNormalizeId(orgType, orgId, out var id, out _)
            ? grains.Reference<IOrganizationGrain>(GrainKeys.Organization(orgType, id))
            : null;
}
