using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Search;

namespace OrleansScim.Grains.Tests;

/// <summary>RFC 7644 §3.4.3 <c>POST /.search</c>: Users then Groups, paged as one list.</summary>
[Collection(ClusterCollection.Name)]
public sealed class RootSearchTests(ClusterFixture fixture)
{
    [Fact]
    public async Task WithoutFilter_ListsUsersThenGroups_AndTotalsBoth()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var users = new List<string> { await scim.CreateUserAsync("ann"), await scim.CreateUserAsync("bob"), await scim.CreateUserAsync("cy") };
        var groups = new List<string> { await scim.CreateGroupAsync("Ops"), await scim.CreateGroupAsync("Dev") };

        var list = await SearchAsync(scim, new ListRequest { BaseUrl = Scim.BaseUrl });

        Assert.Equal(5, list["totalResults"]!.GetValue<long>());
        Assert.Equal([.. users, .. groups], Ids(list));
        Assert.Equal("User", list["Resources"]![0]!["meta"]!["resourceType"]!.GetValue<string>());
        Assert.EndsWith("/Groups/" + groups[0], list["Resources"]![3]!["meta"]!["location"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 2, new[] { 0, 1 })]
    [InlineData(2, 2, new[] { 1, 2 })]
    [InlineData(3, 2, new[] { 2, 3 })]
    [InlineData(4, 10, new[] { 3, 4 })]
    [InlineData(5, 1, new[] { 4 })]
    [InlineData(6, 5, new int[0])]
    [InlineData(1, 0, new int[0])]
    public async Task Paging_RFC7644Section3_4_2_4_AppliesToTheCombinedList(int startIndex, int count, int[] expected)
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        List<string> all = [await scim.CreateUserAsync("u1"), await scim.CreateUserAsync("u2"), await scim.CreateUserAsync("u3"), await scim.CreateGroupAsync("G1"), await scim.CreateGroupAsync("G2")];

        var list = await SearchAsync(scim, new ListRequest { BaseUrl = Scim.BaseUrl, StartIndex = startIndex, Count = count });

        Assert.Equal(5, list["totalResults"]!.GetValue<long>());
        Assert.Equal(startIndex, list["startIndex"]!.GetValue<int>());
        Assert.Equal([.. expected.Select(i => all[i])], Ids(list));
    }

    [Fact]
    public async Task AFilterOnAttributesOfBothTypes_FindsUsersAndGroups()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        var ann = await scim.CreateUserAsync("ann");
        await scim.CreateUserAsync("bob");
        var ops = await scim.CreateGroupAsync("Ops", ann);
        await scim.CreateGroupAsync("Dev");

        var list = await SearchAsync(scim, new ListRequest { BaseUrl = Scim.BaseUrl, Filter = "userName eq \"ANN\" or displayName eq \"Ops\"", Attributes = "id" });

        Assert.Equal(2, list["totalResults"]!.GetValue<long>());
        Assert.Equal([ann, ops], Ids(list));
        Assert.Null(list["Resources"]![1]!["displayName"]);
    }

    [Fact]
    public async Task AFilterOnlyUsersUnderstand_ReturnsNoGroups()
    {
        var scim = Scim.ForNewTenant(fixture.Grains);
        await scim.CreateUserAsync("ann");
        var bob = await scim.CreateUserAsync("bob");
        await scim.CreateGroupAsync("bobs");

        var list = await SearchAsync(scim, new ListRequest { BaseUrl = Scim.BaseUrl, Filter = "userName sw \"b\"" });

        Assert.Equal([bob], Ids(list));
    }

    [Theory]
    [InlineData("favouriteColour eq \"red\"", "invalidFilter")]
    public async Task AFilterInvalidForEveryType_Is400(string filter, string scimType)
    {
        var scim = Scim.ForNewTenant(fixture.Grains);

        var response = await fixture.Grains.GetGrain<IRootSearchGrain>(0).SearchAsync(scim.TenantKey, new ListRequest { BaseUrl = Scim.BaseUrl, Filter = filter });

        Assert.Equal(400, response.Problem?.Status);
        Assert.Equal(scimType, response.Problem?.ScimType);
    }

    private async Task<JsonObject> SearchAsync(Scim scim, ListRequest request)
    {
        var response = await fixture.Grains.GetGrain<IRootSearchGrain>(0).SearchAsync(scim.TenantKey, request);
        Assert.True(response.Problem is null, response.Problem?.Detail);
        return Scim.Json(response);
    }

    private static List<string> Ids(JsonObject list) =>
        list["Resources"] is JsonArray resources ? [.. resources.Select(r => r!["id"]!.GetValue<string>())] : [];
}
