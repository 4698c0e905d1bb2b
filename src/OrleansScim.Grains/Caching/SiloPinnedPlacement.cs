using Orleans.Placement;
using Orleans.Runtime.Placement;

namespace OrleansScim.Grains.Caching;

/// <summary>
/// Places a grain on the silo its key names (a <see cref="SiloAddress"/> in parsable form), so there is
/// one activation per silo to address, e.g. to clear that silo's caches. Orleans has no built-in
/// per-silo grain, hence this small strategy.
/// </summary>
[GenerateSerializer, Immutable, Alias("scim.SiloPinnedPlacement")]
public sealed class SiloPinnedPlacement : PlacementStrategy
{
    public static SiloPinnedPlacement Instance { get; } = new();
}

[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class SiloPinnedPlacementAttribute() : PlacementAttribute(SiloPinnedPlacement.Instance);

public sealed class SiloPinnedPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var wanted = SiloAddress.FromParsableString(target.GrainIdentity.Key.ToString()!);
        if (!context.GetCompatibleSilos(target).Contains(wanted))
        {
            throw new OrleansException($"Silo {wanted} is not an active member of the cluster.");
        }

        return Task.FromResult(wanted);
    }
}
