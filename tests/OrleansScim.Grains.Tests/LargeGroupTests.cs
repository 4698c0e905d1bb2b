using OrleansScim.Grains.Contracts;
using System.Text.Json.Nodes;
using OrleansScim.Grains.Directory;
using OrleansScim.Grains.Groups;

namespace OrleansScim.Grains.Tests;

/// <summary>
/// Groups past the inline limit (5 in these tests) keep their members in member buckets; everything a
/// client can see must be the same as for a small group.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class LargeGroupTests(ClusterFixture fixture)
{
    private const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    [Fact]
    public async Task GrowingPastTheLimit_MovesMembersOutOfTheGroupsState_AndGetStillShowsThemAll()
    {
        var (scim, group, users) = await LargeGroupAsync(12);

        var snapshot = await scim.Group(group).GetSnapshotAsync();
        Assert.True(snapshot.Document!.MembersExternal);
        Assert.DoesNotContain("members", System.Text.Encoding.UTF8.GetString(snapshot.Document.Json), StringComparison.Ordinal);
        var json = Scim.Json(await scim.Group(group).GetAsync(Scim.Request()));
        Assert.Equal(users.Order(StringComparer.Ordinal), json["members"]!.AsArray().Select(m => m!["value"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ExcludedMembers_NeverReadsTheBuckets()
    {
        var (scim, group, _) = await LargeGroupAsync(8);

        var response = await scim.Group(group).GetAsync(new() { BaseUrl = Scim.BaseUrl, ExcludedAttributes = "members" });

        Assert.Null(Scim.Json(response)["members"]);
    }

    [Fact]
    public async Task AzureAdMembershipCheck_FindsAMemberOfALargeGroup()
    {
        var (scim, group, users) = await LargeGroupAsync(9);
        var outsider = await scim.CreateUserAsync("outsider-" + Guid.NewGuid().ToString("N")[..6]);

        var inside = await scim.ListAsync(ResourceTypeNames.Group, $"id eq \"{group}\" and members eq \"{users[7]}\"");
        var outside = await scim.ListAsync(ResourceTypeNames.Group, $"id eq \"{group}\" and members eq \"{outsider}\"");

        Assert.Equal(1, inside["totalResults"]!.GetValue<long>());
        Assert.Equal(0, outside["totalResults"]!.GetValue<long>());
    }

    [Fact]
    public async Task RemovingListedMembers_RemovesOnlyThose_BothDialects()
    {
        var (scim, group, users) = await LargeGroupAsync(10);

        await PatchAsync(scim, group, $$"""[{"op":"Remove","path":"members","value":[{"value":"{{users[0]}}"},{"value":"{{users[1]}}"}]}]""");
        await PatchAsync(scim, group, $$"""[{"op":"remove","path":"members[value eq \"{{users[2]}}\"]"}]""");

        Assert.Equal(users.Skip(3).Order(StringComparer.Ordinal), await MemberIdsAsync(scim, group));
        Assert.Empty(await scim.User(users[0]).GetGroupIdsAsync());
        Assert.Equal([group], await scim.User(users[3]).GetGroupIdsAsync());
    }

    [Fact]
    public async Task RemovingByAnotherFilter_ReadsTheWholeListAndStillWorks()
    {
        var (scim, group, users) = await LargeGroupAsync(7);
        var nested = await scim.CreateGroupAsync("nested-" + Guid.NewGuid().ToString("N")[..6]);
        await PatchAsync(scim, group, $$"""[{"op":"add","path":"members","value":[{"value":"{{nested}}"}]}]""");

        await PatchAsync(scim, group, """[{"op":"remove","path":"members[type eq \"Group\"]"}]""");

        Assert.Equal(users.Order(StringComparer.Ordinal), await MemberIdsAsync(scim, group));
        Assert.Empty(await scim.Group(nested).GetGroupIdsAsync());
    }

    [Fact]
    public async Task ReplacingAllMembers_LeavesExactlyTheNewOnes()
    {
        var (scim, group, users) = await LargeGroupAsync(8);
        var newcomer = await scim.CreateUserAsync("new-" + Guid.NewGuid().ToString("N")[..6]);

        await PatchAsync(scim, group, $$"""[{"op":"replace","path":"members","value":[{"value":"{{users[0]}}"},{"value":"{{newcomer}}"}]}]""");

        Assert.Equal(new[] { users[0], newcomer }.Order(StringComparer.Ordinal), await MemberIdsAsync(scim, group));
        Assert.Empty(await scim.User(users[5]).GetGroupIdsAsync());
        Assert.Equal([group], await scim.User(newcomer).GetGroupIdsAsync());
    }

    [Fact]
    public async Task Put_ReplacesTheMemberList()
    {
        var (scim, group, users) = await LargeGroupAsync(7);
        var displayName = Scim.Json(await scim.Group(group).GetAsync(Scim.Request()))["displayName"]!.GetValue<string>();

        var response = await scim.Group(group).ReplaceAsync(Scim.Request($$"""{"displayName":"{{displayName}}","members":[{"value":"{{users[6]}}"}]}"""));

        Assert.Equal(ResourceOutcome.Found, response.Outcome);
        Assert.Equal([users[6]], await MemberIdsAsync(scim, group));
    }

    [Fact]
    public async Task DeletingAMember_RemovesItFromItsLargeGroup()
    {
        var (scim, group, users) = await LargeGroupAsync(8);

        Assert.Equal(ResourceOutcome.Deleted, (await scim.User(users[4]).DeleteAsync(Scim.Request())).Outcome);

        await Eventually.UntilAsync(async () => !(await MemberIdsAsync(scim, group)).Contains(users[4]), "the deleted user left the large group");
    }

    [Fact]
    public async Task DeletingALargeGroup_TellsEveryMemberAndEmptiesTheBuckets()
    {
        var (scim, group, users) = await LargeGroupAsync(11);

        Assert.Equal(ResourceOutcome.Deleted, (await scim.Group(group).DeleteAsync(Scim.Request())).Outcome);

        await Eventually.UntilAsync(async () =>
        {
            var memberships = await Task.WhenAll(users.Select(u => scim.User(u).GetGroupIdsAsync()));
            return memberships.All(m => m.Count == 0);
        }, "every member lost the deleted group");
        var bucket = fixture.Grains.GetGrain<IGroupMemberBucketGrain>($"{scim.TenantKey}/{group}/{GroupMemberBuckets.BucketOf(users[0])}");
        Assert.Empty(await bucket.GetAsync());
    }

    [Fact]
    public async Task LargeGroup_AfterDeactivation_StillHasAllItsMembers()
    {
        var (scim, group, users) = await LargeGroupAsync(9);

        await fixture.Cluster.DeactivateAsync(scim.Group(group));

        Assert.Equal(users.Order(StringComparer.Ordinal), await MemberIdsAsync(scim, group));
        Assert.Equal(users.Count, (await scim.ListAsync(ResourceTypeNames.Group, $"members eq \"{users[8]}\""))["totalResults"]!.GetValue<long>() * users.Count);
    }

    [Fact]
    public async Task ListingGroups_ShowsALargeGroupsMembers_AndFiltersOnMembersWithoutAnIndex()
    {
        var (scim, group, users) = await LargeGroupAsync(6);

        var list = await scim.ListAsync(ResourceTypeNames.Group);
        var withMembers = await scim.ListAsync(ResourceTypeNames.Group, "members pr");

        Assert.Equal(users.Count, list["Resources"]![0]!["members"]!.AsArray().Count);
        Assert.Equal(group, withMembers["Resources"]![0]!["id"]!.GetValue<string>());
    }

    private async Task<(Scim Scim, string Group, List<string> Users)> LargeGroupAsync(int members)
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var users = new List<string>();
        for (var i = 0; i < members; i++)
        {
            users.Add(await scim.CreateUserAsync($"m{i}-{Guid.NewGuid():N}"[..12]));
        }

        // Created small, then grown one PATCH at a time past the limit, as Azure AD does.
        var group = await scim.CreateGroupAsync("large-" + Guid.NewGuid().ToString("N")[..8], users[0]);
        foreach (var user in users.Skip(1))
        {
            await PatchAsync(scim, group, $$"""[{"op":"Add","path":"members","value":[{"value":"{{user}}"}]}]""");
        }

        Assert.Equal(members > ClusterFixture.LargeGroupThreshold, (await scim.Group(group).GetSnapshotAsync()).Document!.MembersExternal);
        return (scim, group, users);
    }

    private static async Task PatchAsync(Scim scim, string group, string operations)
    {
        var response = await scim.Group(group).PatchAsync(Scim.Request($$"""{"schemas":["{{PatchOp}}"],"Operations":{{operations}}}"""));
        Assert.True(response.Outcome == ResourceOutcome.ChangedQuietly, Scim.Body(response));
    }

    private static async Task<List<string>> MemberIdsAsync(Scim scim, string group) =>
        Scim.Json(await scim.Group(group).GetAsync(Scim.Request()))["members"] is JsonArray members
            ? [.. members.Select(m => m!["value"]!.GetValue<string>())]
            : [];
}
