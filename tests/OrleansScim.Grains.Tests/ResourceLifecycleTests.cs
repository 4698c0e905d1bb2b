using OrleansScim.Grains.Contracts;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ResourceLifecycleTests(ClusterFixture fixture)
{
    [Fact]
    public async Task User_AfterDeactivation_ReloadsFromStorageUnchanged()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var id = await scim.CreateUserAsync("erin@example.com", ""","name":{"givenName":"Erin"},"active":"True" """);
        var before = Scim.Json(await scim.User(id).GetAsync(Scim.Request()));

        await fixture.Cluster.DeactivateAsync(scim.User(id));
        var after = Scim.Json(await scim.User(id).GetAsync(Scim.Request()));

        Assert.True(JsonNode.DeepEquals(before, after), $"{before}\n{after}");
        Assert.True(after["active"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ConcurrentPatches_OnOneUser_AreAllApplied()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var id = await scim.CreateUserAsync("frank@example.com");

        var patches = Enumerable.Range(0, 25).Select(i => scim.User(id).PatchAsync(Scim.Request($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"entitlements","value":[{"value":"licence-{{i}}"}]}]}
            """)));
        var responses = await Task.WhenAll(patches);

        Assert.All(responses, r => Assert.Equal(ResourceOutcome.Found, r.Outcome));
        var user = Scim.Json(await scim.User(id).GetAsync(Scim.Request()));
        Assert.Equal(25, user["entitlements"]!.AsArray().Count);
        Assert.Equal("W/\"26\"", user["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task DirectoryEntry_OfACreateThatNeverCompleted_IsDroppedFromListings()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var real = await scim.CreateUserAsync("gina@example.com");
        // A create that recorded its directory entry and then died before writing the user.
        var directory = fixture.Grains.GetGrain<IDirectoryGrain>(GrainKeys.Directory(scim.TenantKey, ResourceTypeNames.User));
        var sequence = await directory.AllocateSequenceAsync();
        var segment = fixture.Grains.GetGrain<IDirectorySegmentGrain>(GrainKeys.Segment(scim.TenantKey, ResourceTypeNames.User, sequence / 128));
        await segment.AddPendingAsync(sequence, "ghost");

        var list = await scim.ListAsync(ResourceTypeNames.User);

        Assert.Equal(1, list["totalResults"]!.GetValue<long>());
        Assert.Equal(real, list["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(1, await segment.GetCountAsync());
    }

    [Fact]
    public async Task Listing_AfterSegmentDeactivation_StillShowsEveryUserWithCurrentValues()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            ids.Add(await scim.CreateUserAsync($"user{i}@example.com"));
        }

        await scim.User(ids[2]).PatchAsync(Scim.Request("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"title","value":"Chief"}]}
            """));
        await fixture.Cluster.DeactivateAsync(fixture.Grains.GetGrain<IDirectorySegmentGrain>(GrainKeys.Segment(scim.TenantKey, ResourceTypeNames.User, 0)));

        var list = await scim.ListAsync(ResourceTypeNames.User, filter: "title eq \"Chief\"");

        Assert.Equal(1, list["totalResults"]!.GetValue<long>());
        Assert.Equal(ids[2], list["Resources"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(5, (await scim.ListAsync(ResourceTypeNames.User))["totalResults"]!.GetValue<long>());
    }

    [Fact]
    public async Task IndexPaging_AcrossSegments_ReturnsEachUserOnceInCreationOrder()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var ids = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            ids.Add(await scim.CreateUserAsync($"p{i:D3}@example.com"));
        }

        var seen = new List<string>();
        for (var start = 1; start <= 300; start += 70)
        {
            var page = await scim.ListAsync(ResourceTypeNames.User, startIndex: start, count: 70);
            Assert.Equal(300, page["totalResults"]!.GetValue<long>());
            seen.AddRange(page["Resources"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()));
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task Listing_RightAfterEachCreate_CountsIt_WhicheverSiloAsks()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var silos = fixture.Cluster.Silos
            .Select(s => new Scim(s.ServiceProvider.GetRequiredService<IGrainFactory>(), scim.TenantKey))
            .ToList();

        for (var i = 1; i <= 30; i++)
        {
            await silos[i % silos.Count].CreateUserAsync($"count{i}@example.com");

            // Segments report their size to the directory root before a create returns, so any silo sees it.
            var list = await silos[(i + 1) % silos.Count].ListAsync(ResourceTypeNames.User, count: 0);
            Assert.Equal(i, list["totalResults"]!.GetValue<long>());
        }
    }
}
