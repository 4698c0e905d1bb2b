using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;

namespace OrleansScim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UniqueIndexTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Claim_WhoseOwnerWasNeverWritten_IsReclaimedByTheNextCreate()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        // A process killed between reserving the name and writing the user leaves exactly this behind.
        var index = fixture.Grains.GetGrain<IIndexGrain>(GrainKeys.Index(scim.TenantKey, IndexNames.UserName, "ALICE@EXAMPLE.COM"));
        Assert.True((await index.ClaimAsync("ghost-never-written")).Claimed);

        var id = await scim.CreateUserAsync("alice@example.com");

        Assert.Equal([id], await index.GetOwnersAsync());
    }

    [Fact]
    public async Task Claim_HeldByALiveUser_IsRefused()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var owner = await scim.CreateUserAsync("bob@example.com");
        var index = fixture.Grains.GetGrain<IIndexGrain>(GrainKeys.Index(scim.TenantKey, IndexNames.UserName, "BOB@EXAMPLE.COM"));

        var result = await index.ClaimAsync("someone-else");

        Assert.False(result.Claimed);
        Assert.Equal(owner, result.HeldBy);
    }

    [Fact]
    public async Task Claim_OfARenamedUsersOldName_IsReclaimed()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var id = await scim.CreateUserAsync("carol@example.com");
        var renamed = await scim.User(id).PatchAsync(Scim.Request("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"replace","path":"userName","value":"caroline@example.com"}]}
            """));
        Assert.Equal(200, renamed.Status);

        var reuse = await scim.CreateUserAsync("CAROL@example.com");

        Assert.NotEqual(id, reuse);
    }

    [Fact]
    public async Task Create_WithUserNameDifferingOnlyInCase_Returns409Uniqueness()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        await scim.CreateUserAsync("dave@example.com");

        var response = await scim.User(Guid.NewGuid().ToString()).CreateAsync(Scim.Request("""{"userName":"DAVE@example.COM"}"""));

        Assert.Equal(409, response.Status);
        Assert.Equal("uniqueness", Scim.Json(response)["scimType"]!.GetValue<string>());
    }
}
