using Microsoft.Extensions.DependencyInjection;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// A host of its own for tests that deactivate every idle grain (a persistence round-trip through
/// grain storage), so they never disturb the shared host's other tests.
/// </summary>
public sealed class ReactivationScimHostFactory : ScimHostFactory
{
    /// <summary>Deactivates every idle grain of the silo; the next call reactivates from grain storage.</summary>
    public async Task DeactivateAllGrainsAsync()
    {
        var grains = Services.GetRequiredService<IGrainFactory>();
        await grains.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
    }
}

/// <summary>Tests that share one <see cref="ReactivationScimHostFactory"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ReactivationScimHostCollection : ICollectionFixture<ReactivationScimHostFactory>
{
    public const string Name = "reactivation scim host";
}
