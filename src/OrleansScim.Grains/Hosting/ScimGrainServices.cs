using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Storage;
using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Grains.Hosting;

/// <summary>The services the SCIM grains need in a silo; the host and the grain tests both call this.</summary>
public static class ScimGrainServices
{
    public static ISiloBuilder AddScimGrains(this ISiloBuilder silo)
    {
        silo.Services.TryAddSingleton<SiloCaches>();
        silo.Services.TryAddSingleton<Indexes.IndexStore>();
        silo.Services.TryAddSingleton(TimeProvider.System);
        // Schema sets come from the tenant grain, cached per silo and cleared cluster-wide on every change.
        silo.Services.TryAddSingleton<ITenantSchemaCatalog, GrainTenantSchemaCatalog>();
        silo.Services.Decorate<ITenantSchemaCatalog, CachingTenantSchemaCatalog>();
        silo.Services.AddOptions<ScimGrainOptions>();
        silo.Services.TryAddEnumerable(ServiceDescriptor.Singleton<Microsoft.Extensions.Options.IValidateOptions<ScimGrainOptions>, ScimGrainOptionsValidator>());
        silo.Services.AddOptions<Throttling.ThrottlingOptions>();
        silo.Services.AddPlacementDirector<SiloPinnedPlacement, SiloPinnedPlacementDirector>();

        // Grain state is written with Orleans' own version-tolerant binary serializer (the [Id]s of the
        // state classes) instead of the default Newtonsoft JSON: several times faster, and smaller, which
        // matters for storage that bills or limits by size (Azure Table's 1 MiB per entity).
        silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        return silo;
    }
}
