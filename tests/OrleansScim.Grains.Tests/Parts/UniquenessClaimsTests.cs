using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Errors;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Tests.Parts;

/// <summary>One resource's claims on its tenant's indexes, on the silo's real index store.</summary>
[Collection(ClusterCollection.Name)]
public sealed class UniquenessClaimsTests(ClusterFixture fixture)
{
    private IndexStore Indexes => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IndexStore>();

    [Fact]
    public async Task AValueHeldByAnother_Is409Uniqueness_AndTheClaimsMadeBeforeItAreReleased()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var tenant = scim.TenantKey;
        var other = await scim.CreateUserAsync("taken");
        var mine = new UniquenessClaims(Indexes, tenant, "mine", "User");

        var refused = await Assert.ThrowsAsync<ScimException>(() => mine.ClaimAsync([new IndexValue("custom", "free", true), Name("taken")], CancellationToken.None));

        Assert.Equal(409, refused.Status);
        Assert.Equal(ScimErrorType.Uniqueness, refused.ScimType);
        Assert.Contains($"userName is already in use by User '{other}'", refused.Detail, StringComparison.Ordinal);
        Assert.Empty(await Indexes.GetOwnersAsync(GrainKeys.Index(tenant, "custom", "free")));
    }

    [Fact]
    public async Task WhileClaiming_TheOwnerHoldsTheEntry_AfterwardsOnlyItsCommittedValuesDo()
    {
        var tenant = Scim.ForNewTenant(fixture.Grains).TenantKey;
        var claims = new UniquenessClaims(Indexes, tenant, "u1", "User");
        var key = GrainKeys.Index(tenant, IndexNames.UserName, IdentityKey.Of("ann"));

        await claims.ClaimAsync([Name("ann")], CancellationToken.None);
        Assert.True(claims.Holds(key, committed: []));

        claims.EndClaiming();
        Assert.False(claims.Holds(key, committed: []));
        Assert.True(claims.Holds(key, committed: [Name("ann")]));
    }

    [Fact]
    public async Task Lookups_AreAddedAndReleased_WithoutClaiming()
    {
        var tenant = Scim.ForNewTenant(fixture.Grains).TenantKey;
        var externalId = new IndexValue(IndexNames.UserExternalId, "X1", false);
        var first = new UniquenessClaims(Indexes, tenant, "u1", "User");
        var second = new UniquenessClaims(Indexes, tenant, "u2", "User");

        await first.AddLookupsAsync([externalId, Name("ignored-unique")]);
        await second.AddLookupsAsync([externalId]);
        await first.ReleaseAsync([externalId]);

        Assert.Equal(["u2"], await Indexes.GetOwnersAsync(GrainKeys.Index(tenant, IndexNames.UserExternalId, "X1")));
        Assert.Empty(await Indexes.GetOwnersAsync(GrainKeys.Index(tenant, IndexNames.UserName, IdentityKey.Of("ignored-unique"))));
    }

    private static IndexValue Name(string value) => new(IndexNames.UserName, IdentityKey.Of(value), true);
}
