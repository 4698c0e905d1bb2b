using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Search;

/// <summary>RFC 7644 §3.4.3 <c>POST {base}/.search</c> at the SCIM root: Users and Groups together.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class RootSearchTests(ScimHostFactory host)
{
    [Fact]
    public async Task RootSearch_RFC7644Section3_4_3_PagesUsersThenGroupsAsOneList()
    {
        var tenant = await host.CreateTenantAsync("root");
        var ann = await CreateUserAsync(tenant, "ann@root.example");
        var bob = await CreateUserAsync(tenant, "bob@root.example");
        var ops = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ops", "members": [{ "value": "{{ann}}" }] }""");
        var dev = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Dev" }""");

        var first = await SearchAsync(tenant, """{ "startIndex": 1, "count": 3 }""");
        var second = await SearchAsync(tenant, """{ "startIndex": 4, "count": 3 }""");

        Assert.Equal(4, first.TotalResults);
        Assert.Equal(4, second.TotalResults);
        Assert.Equal([ann, bob, ops], first.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal([dev], second.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal(3, first.Json["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(4, second.Json["startIndex"]!.GetValue<int>());
        Assert.Equal($"{tenant.BaseUrl}/Groups/{ops}", first.Resources[2]["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task RootSearch_AFilterMatchesEachTypeByTheAttributesItDefines()
    {
        var tenant = await host.CreateTenantAsync("root");
        var ann = await CreateUserAsync(tenant, "ann@root.example");
        await CreateUserAsync(tenant, "bob@root.example");
        var ops = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ops", "members": [{ "value": "{{ann}}" }] }""");
        await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Dev" }""");

        var reply = await SearchAsync(tenant, """{ "filter": "userName sw \"ann\" or members eq \"X\" or displayName eq \"ops\"", "attributes": ["displayName"] }""");

        Assert.Equal(2, reply.TotalResults);
        Assert.Equal([ann, ops], reply.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Null(reply.Resources[0]["userName"]);
        Assert.Equal("Ops", reply.Resources[1]["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task RootSearch_CountZero_ReturnsOnlyTheCombinedTotal()
    {
        var tenant = await host.CreateTenantAsync("root");
        await CreateUserAsync(tenant, "ann@root.example");
        await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ops" }""");

        var reply = await SearchAsync(tenant, """{ "count": 0 }""");

        Assert.Equal(2, reply.TotalResults);
        Assert.Empty(reply.Resources);
    }

    [Theory]
    [InlineData("RFC 7644 §3.4.2.2 an attribute no resource type defines", """{ "filter": "shoeSize gt 42" }""", "invalidFilter")]
    [InlineData("RFC 7644 §3.4.2.2 a syntax error", """{ "filter": "userName eq" }""", "invalidFilter")]
    [InlineData("RFC 9865 cursor paging is not offered at the root", """{ "cursor": "" }""", "invalidValue")]
    [InlineData("sorting is not offered across resource types", """{ "sortBy": "meta.created" }""", "invalidValue")]
    public async Task RootSearch_RequestsItCannotAnswer_Are400(string rule, string body, string scimType)
    {
        var tenant = await host.CreateTenantAsync("root");

        var reply = await tenant.PostAsync("/.search", WithSchema(body));

        Assert.True(reply.Status == HttpStatusCode.BadRequest, $"{rule}: {reply.Body}");
        reply.AssertScimError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task RootSearch_SeesOnlyTheCallersTenant()
    {
        var mine = await host.CreateTenantAsync("root");
        var other = await host.CreateTenantAsync("root");
        await CreateUserAsync(other, "someone@root.example");

        var reply = await SearchAsync(mine, "{}");

        Assert.Equal(0, reply.TotalResults);
    }

    private static Task<string> CreateUserAsync(TenantClient tenant, string userName) =>
        tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "{{userName}}" }""");

    private static async Task<ScimReply> SearchAsync(TenantClient tenant, string body) =>
        (await tenant.PostAsync("/.search", WithSchema(body))).AssertListResponse();

    private static string WithSchema(string body) =>
        body.TrimStart() is "{}" ? $$"""{ "schemas": ["{{Schemas.SearchRequest}}"] }""" : $$"""{ "schemas": ["{{Schemas.SearchRequest}}"], {{body.Trim()[1..]}}""";
}
