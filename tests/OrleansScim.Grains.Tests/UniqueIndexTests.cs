using OrleansScim.Grains.Contracts;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Indexes;
using OrleansScim.Grains.Keys;
using OrleansScim.Protocol.Resources;

namespace OrleansScim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class UniqueIndexTests(ClusterFixture fixture)
{
    private IndexStore Indexes => fixture.Cluster.Silos[0].ServiceProvider.GetRequiredService<IndexStore>();

    [Fact]
    public async Task ConcurrentClaims_OfOneValue_LeaveExactlyOneOwner()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var key = GrainKeys.Index(scim.TenantKey, IndexNames.UserName, "RACE@EXAMPLE.COM");
        var owners = Enumerable.Range(0, 20).Select(i => $"owner-{i}").ToList();

        // The owners are never written, so each claim must also beat the stale-owner check of the others:
        // only the storage's conditional write decides, and it must let exactly one through at a time.
        var results = await Task.WhenAll(owners.Select(o => Indexes.ClaimAsync(key, o)));

        Assert.Contains(results, r => r.Claimed);
        Assert.Single(await Indexes.GetOwnersAsync(key));
    }

    [Fact]
    public async Task LookupValues_AddedAndReleasedConcurrently_LoseNoUpdate()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var key = GrainKeys.Index(scim.TenantKey, IndexNames.UserExternalId, "shared");

        await Task.WhenAll(Enumerable.Range(0, 30).Select(i => Indexes.AddAsync(key, $"u{i}")));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Indexes.ReleaseAsync(key, $"u{i}")));

        Assert.Equal(Enumerable.Range(10, 20).Select(i => $"u{i}").Order(), (await Indexes.GetOwnersAsync(key)).Order());
    }

    [Fact]
    public async Task Claim_WhoseOwnerWasNeverWritten_IsReclaimedByTheNextCreate()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        // A process killed between reserving the name and writing the user leaves exactly this behind.
        var key = GrainKeys.Index(scim.TenantKey, IndexNames.UserName, "ALICE@EXAMPLE.COM");
        Assert.True((await Indexes.ClaimAsync(key, "ghost-never-written")).Claimed);

        var id = await scim.CreateUserAsync("alice@example.com");

        Assert.Equal([id], await Indexes.GetOwnersAsync(key));
    }

    /// <summary>
    /// A create claims its unique values, adds its lookups and reserves its directory place at once; when the
    /// claim is refused, the lookups it added are taken back (no index entry names a user that never existed).
    /// </summary>
    [Fact]
    public async Task RefusedCreate_LeavesNoLookupEntries()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        await scim.CreateUserAsync("dana@example.com");

        var refused = await scim.User(Guid.NewGuid().ToString("D")).CreateAsync(Scim.Request(
            """{"userName":"DANA@example.com","externalId":"ext-refused","emails":[{"value":"refused@example.com"}]}"""));

        Assert.Equal(409, refused.Problem?.Status);
        Assert.Empty(await Indexes.GetOwnersAsync(GrainKeys.Index(scim.TenantKey, IndexNames.UserExternalId, "ext-refused")));
        Assert.Empty(await Indexes.GetOwnersAsync(GrainKeys.Index(scim.TenantKey, IndexNames.UserEmail, IdentityKey.Of("refused@example.com"))));
    }

    /// <summary>A group refused for a member that does not exist (a strict tenant; checked while its name is claimed) leaves its name free.</summary>
    [Fact]
    public async Task GroupRefusedForAMissingMember_LeavesItsNameFree()
    {
        var scim = await Scim.ForNewStrictTenantAsync(fixture.Grains);

        var refused = await scim.Group(Guid.NewGuid().ToString("D")).CreateAsync(Scim.Request(
            $$"""{"displayName":"Operators","members":[{"value":"{{Guid.NewGuid():D}}"}]}"""));

        Assert.Equal(400, refused.Problem?.Status);
        await scim.CreateGroupAsync("Operators");
    }

    [Fact]
    public async Task Claim_HeldByALiveUser_IsRefused()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var owner = await scim.CreateUserAsync("bob@example.com");
        var key = GrainKeys.Index(scim.TenantKey, IndexNames.UserName, "BOB@EXAMPLE.COM");

        var result = await Indexes.ClaimAsync(key, "someone-else");

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
        Assert.Equal(ResourceOutcome.Found, renamed.Outcome);

        var reuse = await scim.CreateUserAsync("CAROL@example.com");

        Assert.NotEqual(id, reuse);
    }

    [Fact]
    public async Task Create_WithUserNameDifferingOnlyInCase_Returns409Uniqueness()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        await scim.CreateUserAsync("dave@example.com");

        var response = await scim.User(Guid.NewGuid().ToString()).CreateAsync(Scim.Request("""{"userName":"DAVE@example.COM"}"""));

        Assert.Equal(409, response.Problem?.Status);
        Assert.Equal("uniqueness", response.Problem?.ScimType);
    }
}
