using OrleansScim.Grains.Caching;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Tenants;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansScim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TenantTests(ClusterFixture fixture)
{
    [Fact]
    public async Task DeletingATenant_PurgesEveryResourceOfIt()
    {
        var tenantId = "purge-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(tenantId);
        var created = (await tenant.CreateAsync())!;
        var scim = new Scim(fixture.Grains, created.TenantKey);
        var user = await scim.CreateUserAsync("mia@example.com");
        var group = await scim.CreateGroupAsync("Everyone", user);

        Assert.True(await tenant.DeleteAsync());

        await Eventually.UntilAsync(async () => await tenant.GetPendingPurgesAsync() == 0, "the purge finished");
        Assert.Equal(SnapshotState.Missing, (await scim.User(user).GetSnapshotAsync()).State);
        Assert.Equal(SnapshotState.Missing, (await scim.Group(group).GetSnapshotAsync()).State);
        Assert.Null(await tenant.GetInfoAsync());
        Assert.Null(await fixture.Grains.GetGrain<ITokenGrain>(created.Token.TokenId).GetAsync());
    }

    [Fact]
    public async Task RecreatedTenant_StartsEmpty()
    {
        var tenantId = "again-" + Guid.NewGuid().ToString("N")[..8];
        var tenant = fixture.Grains.GetGrain<ITenantGrain>(tenantId);
        var first = (await tenant.CreateAsync())!;
        await new Scim(fixture.Grains, first.TenantKey).CreateUserAsync("noah@example.com");
        await tenant.DeleteAsync();

        var second = (await tenant.CreateAsync())!;

        Assert.NotEqual(first.TenantKey, second.TenantKey);
        Assert.Equal(0, (await tenant.GetInfoAsync())!.UserCount);
        var list = await new Scim(fixture.Grains, second.TenantKey).ListAsync(ResourceTypeNames.User);
        Assert.Equal(0, list["totalResults"]!.GetValue<long>());
    }

    [Fact]
    public async Task RevokingAToken_ClearsItFromTheCacheOfEverySilo()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("revoke-" + Guid.NewGuid().ToString("N")[..8]);
        var created = (await tenant.CreateAsync())!;
        var revoked = new List<string>();
        var caches = fixture.Cluster.Silos.Select(s => s.ServiceProvider.GetRequiredService<SiloCaches>()).ToList();
        foreach (var cache in caches)
        {
            cache.TokenInvalidated += id => { lock (revoked) { revoked.Add(id); } };
        }

        Assert.True(await tenant.RevokeTokenAsync(created.Token.TokenId));

        // RevokeTokenAsync returns only after every silo dropped the token.
        Assert.Equal(caches.Count, revoked.Count(id => id == created.Token.TokenId));
        Assert.Null(await fixture.Grains.GetGrain<ITokenGrain>(created.Token.TokenId).GetAsync());
    }

    [Fact]
    public async Task Tokens_AreStoredOnlyAsHashes()
    {
        var tenant = fixture.Grains.GetGrain<ITenantGrain>("hash-" + Guid.NewGuid().ToString("N")[..8]);
        var created = (await tenant.CreateAsync())!;

        var record = (await fixture.Grains.GetGrain<ITokenGrain>(created.Token.TokenId).GetAsync())!;

        Assert.True(TokenSecrets.TryParse(created.Token.Token, out _, out var secret));
        Assert.Equal(32, record.SecretHash.Length);
        Assert.DoesNotContain(secret, Convert.ToBase64String(record.SecretHash), StringComparison.Ordinal);
        Assert.True(TokenSecrets.Matches(secret, record.SecretHash));
        Assert.False(TokenSecrets.Matches(secret + "x", record.SecretHash));
    }
}
