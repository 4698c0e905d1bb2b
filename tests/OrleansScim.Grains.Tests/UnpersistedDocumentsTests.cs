using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Tests;

/// <summary>
/// With in-memory storage the host does not store directory documents; a segment that was deactivated
/// must rebuild them from its resources so listings lose nothing.
/// </summary>
public sealed class UnpersistedDocumentsTests(UnpersistedDocumentsClusterFixture fixture) : IClassFixture<UnpersistedDocumentsClusterFixture>
{
    [Fact]
    public async Task Listing_AfterSegmentDeactivation_RebuildsEveryUserWithCurrentValues()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await scim.CreateUserAsync($"user{i}@example.com"));
        }

        await scim.User(ids[3]).PatchAsync(Scim.Request("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Chief"}]}
            """));
        await scim.User(ids[1]).DeleteAsync(Scim.Request());
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IDirectorySegmentGrain>(GrainKeys.Segment(scim.TenantKey, ResourceTypeNames.User, 0)));

        var chiefs = await scim.ListAsync(ResourceTypeNames.User, filter: "title eq \"Chief\"");
        var all = await scim.ListAsync(ResourceTypeNames.User);

        Assert.Equal(1, chiefs["totalResults"]!.GetValue<long>());
        Assert.Equal(ids[3], chiefs["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(new[] { ids[0], ids[2], ids[3], ids[4] }, all["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
    }
}
