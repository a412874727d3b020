using System.IO.Hashing;
using System.Runtime.InteropServices;
using Orleans.Placement;
using Orleans.Runtime.Placement;
using QppOrleans.Grains.Abstractions;

namespace QppOrleans.Grains;

/// <summary>
/// Places an organization's grain and the grains of its registrations on the same silo, so that
/// the role check every registration call makes on its organization does not cross to
/// another process.
/// </summary>
[GenerateSerializer, Immutable, Alias("qpp.placement.Organization")]
public sealed class OrganizationPlacement : PlacementStrategy;

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class OrganizationPlacementAttribute() : PlacementAttribute(new OrganizationPlacement());

/// <summary>
/// Picks the silo by a stable hash of the organization key among the silos that host the grain
/// type, in address order, so every silo makes the same choice. Only new activations are placed:
/// while silos join or leave, an organization's grains activated before and after the change may
/// live apart until they are next deactivated, which costs a hop and nothing else.
/// </summary>
public sealed class OrganizationPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (silos.Length == 1)
        {
            return Task.FromResult(silos[0]);
        }

        var ordered = silos.ToArray();
        Array.Sort(ordered);
        var organization = GrainKeys.OrganizationOf(target.GrainIdentity.Key.ToString());
        var hash = XxHash32.HashToUInt32(MemoryMarshal.AsBytes(organization));
        return Task.FromResult(ordered[hash % (uint)ordered.Length]);
    }
}
