using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>userName (case-insensitively) and group displayName are unique per tenant: 409 uniqueness.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class UniquenessTests(ScimHostFactory host)
{
    [Theory]
    [InlineData("Pat.Doe@Example.com")]
    [InlineData("PAT.DOE@EXAMPLE.COM")]
    [InlineData("pat.doe@example.com")]
    public async Task Post_UserNameTakenInAnotherCase_Returns409Uniqueness(string duplicate)
    {
        var tenant = await host.CreateTenantAsync("uniq");
        var original = await tenant.CreateAsync("Users", User("pat.doe@example.com"));

        (await tenant.PostAsync("/Users", User(duplicate))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");

        var only = await tenant.FindOneAsync("Users", $"userName eq \"{duplicate}\"");
        Assert.Equal(original, only["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_RenameToTakenUserName_Returns409AndKeepsBoth()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        await tenant.CreateAsync("Users", User("first@example.com"));
        var second = await tenant.CreateAsync("Users", User("second@example.com"));

        var reply = await tenant.PatchAsync($"/Users/{second}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("Replace", "userName", "FIRST@example.com")]));

        reply.AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal("second@example.com", (await tenant.GetResourceAsync("Users", second))["userName"]!.GetValue<string>());
        await tenant.FindOneAsync("Users", "userName eq \"second@example.com\"");
    }

    [Fact]
    public async Task Put_RenameToTakenUserName_Returns409()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        await tenant.CreateAsync("Users", User("first@example.com"));
        var second = await tenant.CreateAsync("Users", User("second@example.com"));

        (await tenant.PutAsync($"/Users/{second}", User("First@Example.com"))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task UserName_FreedByRenameOrDelete_CanBeReused()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        var renamed = await tenant.CreateAsync("Users", User("reuse.me@example.com"));
        var deleted = await tenant.CreateAsync("Users", User("delete.me@example.com"));

        await tenant.PatchOkAsync("Users", renamed, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "userName", "renamed@example.com")]), HttpStatusCode.OK);
        (await tenant.DeleteAsync($"/Users/{deleted}")).AssertStatus(HttpStatusCode.NoContent);

        await tenant.CreateAsync("Users", User("Reuse.Me@example.com"));
        await tenant.CreateAsync("Users", User("delete.me@example.com"));
        (await tenant.PostAsync("/Users", User("renamed@example.com"))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task Patch_ChangingOnlyTheCaseOfOwnUserName_Succeeds()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        var id = await tenant.CreateAsync("Users", User("case.change@example.com"));

        var reply = await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "userName", "Case.Change@example.com")]), HttpStatusCode.OK);

        Assert.Equal("Case.Change@example.com", reply.Json["userName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_DuplicateGroupDisplayName_Returns409Uniqueness()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        await tenant.CreateAsync("Groups", Group("Sales EMEA"));

        (await tenant.PostAsync("/Groups", Group("Sales EMEA"))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        (await tenant.PostAsync("/Groups", Group("sales emea"))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(1, (await tenant.GetAsync("/Groups")).AssertListResponse().TotalResults);
    }

    [Fact]
    public async Task Patch_RenameGroupToTakenDisplayName_Returns409()
    {
        var tenant = await host.CreateTenantAsync("uniq");
        await tenant.CreateAsync("Groups", Group("Alpha"));
        var beta = await tenant.CreateAsync("Groups", Group("Beta"));

        var reply = await tenant.PatchAsync($"/Groups/{beta}", new AzureAdRequests(Dialect.Rfc).Replace(("displayName", "Alpha")));

        reply.AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal("Beta", (await tenant.GetResourceAsync("Groups", beta))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task SameUserName_InTwoTenants_IsAllowed()
    {
        var a = await host.CreateTenantAsync("uniq-a");
        var b = await host.CreateTenantAsync("uniq-b");

        await a.CreateAsync("Users", User("everywhere@example.com"));
        await b.CreateAsync("Users", User("everywhere@example.com"));
    }

    private static string User(string userName) => $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "{{userName}}" }""";

    private static string Group(string displayName) => $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "{{displayName}}" }""";
}
