using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class MembershipTests(ClusterFixture fixture)
{
    [Fact]
    public async Task GroupMember_SeesTheGroupInItsGroupsAttribute()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var user = await scim.CreateUserAsync("hank@example.com");

        var group = await scim.CreateGroupAsync("Sales", user);

        Assert.Equal([group], await scim.User(user).GetGroupIdsAsync());
        var json = Scim.Json(await scim.User(user).GetAsync(Scim.Request()));
        Assert.Equal(group, json["groups"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeletingAUser_RemovesItFromItsGroups()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var stays = await scim.CreateUserAsync("ivy@example.com");
        var leaves = await scim.CreateUserAsync("jack@example.com");
        var group = await scim.CreateGroupAsync("Support", stays, leaves);

        Assert.Equal(ResourceOutcome.Deleted, (await scim.User(leaves).DeleteAsync(Scim.Request())).Outcome);

        await Eventually.UntilAsync(async () =>
        {
            var members = Scim.Json(await scim.Group(group).GetAsync(Scim.Request()))["members"]!.AsArray();
            return members.Count == 1 && members[0]!["value"]!.GetValue<string>() == stays;
        }, "the deleted user left the group");
        var byMember = await scim.ListAsync(ResourceTypeNames.Group, $"members eq \"{leaves}\"");
        Assert.Equal(0, byMember["totalResults"]!.GetValue<long>());
    }

    [Fact]
    public async Task DeletingAGroup_RemovesItFromItsMembersGroups()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var user = await scim.CreateUserAsync("kim@example.com");
        var group = await scim.CreateGroupAsync("Ops", user);

        Assert.Equal(ResourceOutcome.Deleted, (await scim.Group(group).DeleteAsync(Scim.Request())).Outcome);

        await Eventually.UntilAsync(async () => (await scim.User(user).GetGroupIdsAsync()).Count == 0, "the user lost the deleted group");
    }

    [Fact]
    public async Task AddingAMemberThatDoesNotExist_IsRejectedAndChangesNothing_WhenStrict()
    {
        var scim = await Scim.ForNewStrictTenantAsync(fixture.Grains);
        var user = await scim.CreateUserAsync("lee@example.com");
        var group = await scim.CreateGroupAsync("Finance", user);

        var response = await scim.Group(group).PatchAsync(Scim.Request("""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"no-such-user"}]}]}
            """));

        Assert.Equal(400, response.Problem?.Status);
        Assert.Equal("invalidValue", response.Problem?.ScimType);
        Assert.Single(Scim.Json(await scim.Group(group).GetAsync(Scim.Request()))["members"]!.AsArray());
    }

    [Fact]
    public async Task AddingMembersThatDoNotExist_AddsTheOthersAndSkipsThese_WhenTolerant()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var lee = await scim.CreateUserAsync("lee@example.com");
        var kim = await scim.CreateUserAsync("kim@example.com");
        var group = await scim.CreateGroupAsync("Finance", lee);

        var response = await scim.Group(group).PatchAsync(Scim.Request($$"""
            {"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"no-such-user"},{"value":"{{kim}}"}]}]}
            """));

        Assert.Equal(ResourceOutcome.ChangedQuietly, response.Outcome);
        var members = Scim.Json(await scim.Group(group).GetAsync(Scim.Request()))["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>());
        Assert.Equal(new[] { kim, lee }.Order(StringComparer.Ordinal), members.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NestedGroup_CanBeAMember()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var inner = await scim.CreateGroupAsync("Inner");

        var outer = await scim.CreateGroupAsync("Outer", inner);

        var members = Scim.Json(await scim.Group(outer).GetAsync(Scim.Request()))["members"]!.AsArray();
        Assert.Equal("Group", members[0]!["type"]!.GetValue<string>());
        Assert.Equal([outer], await scim.Group(inner).GetGroupIdsAsync());
    }
}
