using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>Group members and the users' readOnly "groups" kept in step, through every way membership changes.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class GroupMembershipTests(ScimHostFactory host)
{
    [Fact]
    public async Task Patch_RemoveMembersWithValueArray_RemovesOnlyThose()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 5);
        var group = await CreateGroupAsync(tenant, "Legacy Removal", users);

        await tenant.PatchOkAsync("Groups", group, $$"""
            { "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "Remove", "path": "members", "value": [{ "value": "{{users[1]}}" }, { "value": "{{users[3]}}" }] }] }
            """, HttpStatusCode.NoContent);

        Assert.Equal(Sorted(users[0], users[2], users[4]), await tenant.MemberIdsAsync(group));
        await tenant.WaitForGroupsAsync(users[1]);
        await tenant.WaitForGroupsAsync(users[0], group);
    }

    [Fact]
    public async Task Patch_RemoveMemberByValueFilter_RemovesOnlyThat()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 3);
        var group = await CreateGroupAsync(tenant, "Filter Removal", users);

        await tenant.PatchOkAsync("Groups", group, $$"""
            { "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "remove", "path": "members[value eq \"{{users[2]}}\"]" }] }
            """, HttpStatusCode.NoContent);

        Assert.Equal(Sorted(users[0], users[1]), await tenant.MemberIdsAsync(group));
        await tenant.WaitForGroupsAsync(users[2]);
    }

    [Fact]
    public async Task Patch_RemoveMemberThatIsNotThere_LeavesTheGroupAsItIs()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 2);
        var group = await CreateGroupAsync(tenant, "Idempotent", users);

        foreach (var dialect in new[] { Dialect.Legacy, Dialect.Rfc })
        {
            await tenant.PatchOkAsync("Groups", group, new AzureAdRequests(dialect).RemoveMembers([Guid.NewGuid().ToString()]), HttpStatusCode.NoContent);
        }

        Assert.Equal(Sorted(users[0], users[1]), await tenant.MemberIdsAsync(group));
    }

    [Fact]
    public async Task Patch_RemoveAllMembersWithoutValue_EmptiesTheGroup()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 3);
        var group = await CreateGroupAsync(tenant, "Emptied", users);

        await tenant.PatchOkAsync("Groups", group, AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", "members", null)]), HttpStatusCode.NoContent);

        Assert.Empty(await tenant.MemberIdsAsync(group));
        foreach (var user in users)
        {
            await tenant.WaitForGroupsAsync(user);
        }
    }

    [Fact]
    public async Task Patch_AddManyMembersInOneOperation_AddsAllAndTellsEachUser()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 150);
        var group = await CreateGroupAsync(tenant, "Large", []);

        await tenant.PatchOkAsync("Groups", group, new AzureAdRequests(Dialect.Rfc).AddMembers(users), HttpStatusCode.NoContent);

        Assert.Equal(Sorted([.. users]), await tenant.MemberIdsAsync(group));
        foreach (var user in users.Where((_, i) => i % 10 == 0 || i == users.Count - 1))
        {
            await tenant.WaitForGroupsAsync(user, group);
        }

        Assert.True(await tenant.IsMemberAsync(group, users[^1]));
    }

    [Fact]
    public async Task Patch_AddMemberThatDoesNotExist_Returns400AndAddsNobody_Strict()
    {
        var tenant = await host.CreateStrictTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 1);
        var group = await CreateGroupAsync(tenant, "Strict", []);

        var reply = await tenant.PatchAsync($"/Groups/{group}", new AzureAdRequests(Dialect.Legacy).AddMembers([users[0], Guid.NewGuid().ToString()]));

        reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Empty(await tenant.MemberIdsAsync(group));
        Assert.Empty(await tenant.GroupIdsOfAsync(users[0]));
    }

    [Fact]
    public async Task Patch_ReplaceMembers_SwapsTheWholeList()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 4);
        var group = await CreateGroupAsync(tenant, "Swapped", [users[0], users[1]]);

        await tenant.PatchOkAsync("Groups", group, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "members", new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["value"] = users[2] }, new System.Text.Json.Nodes.JsonObject { ["value"] = users[3] }))]), HttpStatusCode.NoContent);

        Assert.Equal(Sorted(users[2], users[3]), await tenant.MemberIdsAsync(group));
        await tenant.WaitForGroupsAsync(users[0]);
        await tenant.WaitForGroupsAsync(users[3], group);
    }

    [Fact]
    public async Task Put_Group_ReplacesMembersAndUpdatesUsers()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 3);
        var group = await CreateGroupAsync(tenant, "Put Group", [users[0], users[1]]);

        var reply = await tenant.PutAsync($"/Groups/{group}", $$"""
            { "schemas": ["{{Schemas.Group}}"], "displayName": "Put Group", "members": [{ "value": "{{users[1]}}" }, { "value": "{{users[2]}}" }] }
            """);

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(Sorted(users[1], users[2]), await tenant.MemberIdsAsync(group));
        await tenant.WaitForGroupsAsync(users[0]);
        await tenant.WaitForGroupsAsync(users[2], group);
    }

    [Fact]
    public async Task Patch_WithAttributesQuery_Returns200WithTheGroup()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 1);
        var group = await CreateGroupAsync(tenant, "Answered", []);

        var reply = await tenant.PatchAsync($"/Groups/{group}?attributes=members", new AzureAdRequests(Dialect.Rfc).AddMembers(users));

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(users[0], reply.Json["members"]![0]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeleteUser_RemovesItFromEveryGroup()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 2);
        var first = await CreateGroupAsync(tenant, "First", users);
        var second = await CreateGroupAsync(tenant, "Second", [users[0]]);

        (await tenant.DeleteAsync($"/Users/{users[0]}")).AssertStatus(HttpStatusCode.NoContent);

        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(first), m => m.SequenceEqual([users[1]]), "the deleted user left the first group");
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(second), m => m.Count == 0, "the deleted user left the second group");
        Assert.False(await tenant.IsMemberAsync(first, users[0]));
    }

    [Fact]
    public async Task DeleteGroup_RemovesItFromItsMembersGroups()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 2);
        var kept = await CreateGroupAsync(tenant, "Kept", users);
        var deleted = await CreateGroupAsync(tenant, "Deleted", users);
        await tenant.WaitForGroupsAsync(users[0], kept, deleted);

        (await tenant.DeleteAsync($"/Groups/{deleted}")).AssertStatus(HttpStatusCode.NoContent);

        await tenant.WaitForGroupsAsync(users[0], kept);
        await tenant.WaitForGroupsAsync(users[1], kept);
    }

    [Fact]
    public async Task UserGroups_AreReadOnly()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 1);
        var group = await CreateGroupAsync(tenant, "Real", []);

        var patch = await tenant.PatchAsync($"/Users/{users[0]}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("add", "groups", new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["value"] = group }))]));
        var put = await tenant.PutAsync($"/Users/{users[0]}", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "user0", "groups": [{ "value": "{{group}}" }] }""");

        patch.AssertScimError(HttpStatusCode.BadRequest, "mutability");
        put.AssertStatus(HttpStatusCode.OK);
        Assert.Empty(await tenant.GroupIdsOfAsync(users[0]));
        Assert.Empty(await tenant.MemberIdsAsync(group));
    }

    [Fact]
    public async Task Put_User_KeepsItsGroupMemberships()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 1);
        var group = await CreateGroupAsync(tenant, "Sticky", users);
        await tenant.WaitForGroupsAsync(users[0], group);

        var reply = await tenant.PutAsync($"/Users/{users[0]}", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "user0", "title": "Replaced" }""");

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal(group, reply.Json["groups"]![0]!["value"]!.GetValue<string>());
        Assert.Equal([group], await tenant.GroupIdsOfAsync(users[0]));
    }

    [Fact]
    public async Task NestedGroup_AppearsAsMemberAndListsItsParent()
    {
        var tenant = await host.CreateTenantAsync("members");
        var child = await CreateGroupAsync(tenant, "Child", []);
        var parent = await CreateGroupAsync(tenant, "Parent", [child]);

        var members = await tenant.GetResourceAsync("Groups", parent);

        Assert.Equal("Group", members["members"]![0]!["type"]!.GetValue<string>());
        Assert.True(await tenant.IsMemberAsync(parent, child));
        (await tenant.DeleteAsync($"/Groups/{child}")).AssertStatus(HttpStatusCode.NoContent);
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(parent), m => m.Count == 0, "the deleted child group left its parent");
    }

    [Fact]
    public async Task ConcurrentMemberPatches_LoseNoMember()
    {
        var tenant = await host.CreateTenantAsync("members");
        var users = await CreateUsersAsync(tenant, 20);
        var group = await CreateGroupAsync(tenant, "Concurrent", []);
        var azure = new AzureAdRequests(Dialect.Legacy);

        var replies = await Task.WhenAll(users.Select(user => tenant.PatchAsync($"/Groups/{group}", azure.AddMembers([user]))));

        Assert.All(replies, r => r.AssertStatus(HttpStatusCode.NoContent));
        Assert.Equal(Sorted([.. users]), await tenant.MemberIdsAsync(group));
        foreach (var user in users)
        {
            await tenant.WaitForGroupsAsync(user, group);
        }
    }

    private static string[] Sorted(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    private static async Task<List<string>> CreateUsersAsync(TenantClient tenant, int count)
    {
        var ids = new List<string>();
        foreach (var batch in Enumerable.Range(0, count).Chunk(25))
        {
            ids.AddRange(await Task.WhenAll(batch.Select(i => tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "user{{i}}" }"""))));
        }

        return ids;
    }

    private static Task<string> CreateGroupAsync(TenantClient tenant, string displayName, IEnumerable<string> members) =>
        tenant.CreateAsync("Groups", $$"""
            {
              "schemas": ["{{Schemas.Group}}"],
              "displayName": "{{displayName}}",
              "members": [{{string.Join(", ", members.Select(m => $$"""{ "value": "{{m}}" }"""))}}]
            }
            """);
}
