using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Hosting;
using OrleansScim.Host.Auth;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>
/// A silo's token cache follows the active tenants: a token nobody used for longer than the cache
/// lifetime is dropped by the periodic sweep, not kept until the cache is full (issue 6: an idle tenant
/// costs no memory), and a later request simply loads it again.
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class TokenCacheSweepTests(ScimHostFactory host)
{
    [Fact]
    public async Task IdleTokens_AreSweptAfterTheirLifetime_AndReloadOnNextUse()
    {
        var tenant = await host.CreateTenantAsync("sweep");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var cache = new TokenRecordCache(
            new GrainTokenRecordSource(host.Services.GetRequiredService<IGrainFactory>()), host.Services.GetRequiredService<SiloCaches>(), time);

        Assert.Equal(tenant.TenantId, (await cache.GetAsync(tenant.TokenId, CancellationToken.None))!.TenantId);
        Assert.Null(await cache.GetAsync("0123456789abcdef01234567", CancellationToken.None));
        Assert.Equal(2, cache.Count);

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, cache.Count); // the unknown id's 30-second negative entry is gone, the token's stays

        time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(0, cache.Count);

        Assert.Equal(tenant.TenantId, (await cache.GetAsync(tenant.TokenId, CancellationToken.None))!.TenantId);
        Assert.Equal(1, cache.Count);
    }
}
