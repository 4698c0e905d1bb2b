using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Tenants;
using OrleansScim.Protocol.Schemas;

namespace OrleansScim.Grains.Tests;

/// <summary>The silo-local cache in front of the tenant grain (no cluster needed).</summary>
public sealed class CachingTenantSchemaCatalogTests
{
    private readonly SiloCaches _caches = new();
    private readonly CountingCatalog _inner = new();

    [Fact]
    public async Task ATenantThatRegisteredNothing_CostsOneLookupThenNone()
    {
        var catalog = new CachingTenantSchemaCatalog(_inner, _caches, TimeProvider.System);

        for (var i = 0; i < 100; i++)
        {
            Assert.Same(ScimSchemaSet.Default, await catalog.GetAsync("contoso.abc"));
        }

        Assert.Equal(1, _inner.Calls);
    }

    [Fact]
    public async Task InvalidatingTheTenant_MakesTheNextLookupAskAgain_OtherTenantsStayCached()
    {
        var catalog = new CachingTenantSchemaCatalog(_inner, _caches, TimeProvider.System);
        await catalog.GetAsync("contoso.abc");
        await catalog.GetAsync("fabrikam.def");

        _caches.InvalidateTenant("contoso");
        await catalog.GetAsync("contoso.abc");
        await catalog.GetAsync("fabrikam.def");

        Assert.Equal(3, _inner.Calls);
    }

    [Fact]
    public async Task AReadThatRacedAnInvalidation_IsNotCached()
    {
        var catalog = new CachingTenantSchemaCatalog(_inner, _caches, TimeProvider.System);
        _inner.During = () => _caches.InvalidateTenant("contoso");

        await catalog.GetAsync("contoso.abc");
        _inner.During = null;
        await catalog.GetAsync("contoso.abc");
        await catalog.GetAsync("contoso.abc");

        Assert.Equal(2, _inner.Calls);
    }

    [Fact]
    public async Task ANewIncarnationOfTheTenant_IsLookedUpAfresh()
    {
        var catalog = new CachingTenantSchemaCatalog(_inner, _caches, TimeProvider.System);
        await catalog.GetAsync("contoso.abc");

        await catalog.GetAsync("contoso.xyz");

        Assert.Equal(2, _inner.Calls);
    }

    private sealed class CountingCatalog : ITenantSchemaCatalog
    {
        public int Calls { get; private set; }

        public Action? During { get; set; }

        public ValueTask<ScimSchemaSet> GetAsync(string tenantKey, CancellationToken cancellationToken = default)
        {
            Calls++;
            During?.Invoke();
            return ValueTask.FromResult(ScimSchemaSet.Default);
        }
    }
}
