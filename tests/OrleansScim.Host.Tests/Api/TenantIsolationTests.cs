using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>A tenant's token never reaches another tenant's data, under either base URL.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class TenantIsolationTests(ScimHostFactory host)
{
    private const string ImplicitBase = "http://localhost/scim/v2";

    [Theory]
    [InlineData("GET", "/Users")]
    [InlineData("POST", "/Users")]
    [InlineData("GET", "/Groups")]
    [InlineData("GET", "/ServiceProviderConfig")]
    public async Task TokenOfTenantA_OnTenantBsUrl_Returns401(string method, string path)
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var body = method == "POST" ? $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "intruder" }""" : null;

        var reply = await a.SendAsync(new HttpMethod(method), path, body, absoluteBase: b.BaseUrl);

        reply.AssertScimError(HttpStatusCode.Unauthorized, null);
        Assert.Equal(0, (await b.GetAsync("/Users")).AssertListResponse().TotalResults);
    }

    [Fact]
    public async Task TokenOfTenantA_OnTenantBsResourceUrl_Returns401()
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var bUser = await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "b.user" }""");

        (await a.SendAsync(HttpMethod.Get, $"/Users/{bUser}", absoluteBase: b.BaseUrl)).AssertScimError(HttpStatusCode.Unauthorized, null);
        (await a.SendAsync(HttpMethod.Delete, $"/Users/{bUser}", absoluteBase: b.BaseUrl)).AssertScimError(HttpStatusCode.Unauthorized, null);

        await b.GetResourceAsync("Users", bUser);
    }

    [Fact]
    public async Task ImplicitBaseUrl_ListsOnlyTheTokensTenant()
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var aUser = await a.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "same.name@example.com", "externalId": "shared" }""");
        var bUser = await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "same.name@example.com", "externalId": "shared" }""");
        await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "only.in.b@example.com" }""");
        var aGroup = await a.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Same Group" }""");
        await b.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Same Group" }""");

        var aUsers = (await a.SendAsync(HttpMethod.Get, "/Users", absoluteBase: ImplicitBase)).AssertListResponse();
        var bUsers = (await b.SendAsync(HttpMethod.Get, "/Users", absoluteBase: ImplicitBase)).AssertListResponse();
        var aByName = (await a.SendAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("externalId eq \"shared\""), absoluteBase: ImplicitBase)).AssertListResponse();
        var aGroups = (await a.SendAsync(HttpMethod.Get, "/Groups", absoluteBase: ImplicitBase)).AssertListResponse();

        Assert.Equal(aUser, Assert.Single(aUsers.Resources)["id"]!.GetValue<string>());
        Assert.Equal(1, aUsers.TotalResults);
        Assert.Equal(2, bUsers.TotalResults);
        Assert.Contains(bUser, bUsers.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal(aUser, Assert.Single(aByName.Resources)["id"]!.GetValue<string>());
        Assert.Equal(aGroup, Assert.Single(aGroups.Resources)["id"]!.GetValue<string>());
        Assert.Equal($"{ImplicitBase}/Users/{aUser}", aUsers.Resources[0]["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task ImplicitBaseUrl_CreatesInTheTokensTenant()
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");

        var created = await a.SendAsync(HttpMethod.Post, "/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "via.implicit" }""", absoluteBase: ImplicitBase);

        created.AssertStatus(HttpStatusCode.Created);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal($"{ImplicitBase}/Users/{id}", created.Response.Headers.Location!.ToString());
        Assert.Equal("via.implicit", (await a.GetResourceAsync("Users", id))["userName"]!.GetValue<string>());
        await b.AssertNoMatchAsync("Users", "userName eq \"via.implicit\"");
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task IdsOfTenantB_AreNotFoundWithTenantAsToken(string method)
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var bUser = await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "b.only" }""");
        var bGroup = await b.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "B Only" }""");
        var body = method switch
        {
            "PATCH" => AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "displayName", "hijacked")]),
            "PUT" => $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "hijacked", "displayName": "hijacked" }""",
            _ => null,
        };

        foreach (var baseUrl in new[] { a.BaseUrl, ImplicitBase })
        {
            (await a.SendAsync(new HttpMethod(method), $"/Users/{bUser}", body, absoluteBase: baseUrl)).AssertScimError(HttpStatusCode.NotFound, null);
            (await a.SendAsync(new HttpMethod(method), $"/Groups/{bGroup}", body, absoluteBase: baseUrl)).AssertScimError(HttpStatusCode.NotFound, null);
        }

        await a.AssertNoMatchAsync("Users", $"id eq \"{bUser}\"");
        Assert.Equal("b.only", (await b.GetResourceAsync("Users", bUser))["userName"]!.GetValue<string>());
        Assert.Equal("B Only", (await b.GetResourceAsync("Groups", bGroup))["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task GroupOfTenantA_CannotTakeAMemberOfTenantB_Strict()
    {
        var a = await host.CreateStrictTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var bUser = await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "b.member" }""");

        var reply = await a.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Cross", "members": [{ "value": "{{bUser}}" }] }""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Empty(await b.GroupIdsOfAsync(bUser));
    }

    [Fact]
    public async Task GroupOfTenantA_CannotTakeAMemberOfTenantB_Tolerant()
    {
        var a = await host.CreateTenantAsync("iso-a");
        var b = await host.CreateTenantAsync("iso-b");
        var bUser = await b.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "b.member" }""");

        var reply = await a.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Cross", "members": [{ "value": "{{bUser}}" }] }""");

        reply.AssertStatus(HttpStatusCode.Created);
        Assert.Null(reply.Json["members"]);
        Assert.Empty(await b.GroupIdsOfAsync(bUser));
    }
}
