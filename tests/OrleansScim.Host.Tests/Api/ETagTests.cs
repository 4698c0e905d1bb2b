using System.Net;
using System.Net.Http.Headers;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>meta.version is the ETag; If-Match guards writes (412) and If-None-Match saves reads (304).</summary>
[Collection(ScimHostCollection.Name)]
public sealed class ETagTests(ScimHostFactory host)
{
    private static readonly string User = $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "etag.user", "title": "One" }""";

    [Theory]
    [InlineData("PATCH")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Write_WithStaleIfMatch_Returns412AndChangesNothing(string method)
    {
        var tenant = await host.CreateTenantAsync("etag");
        var id = await tenant.CreateAsync("Users", User);
        var stale = (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>();
        await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "Two")]), HttpStatusCode.OK);
        var current = await tenant.GetResourceAsync("Users", id);
        Assert.NotEqual(stale, current["meta"]!["version"]!.GetValue<string>());
        var body = method switch
        {
            "PATCH" => AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "Three")]),
            "PUT" => $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "etag.user", "title": "Three" }""",
            _ => null,
        };

        var reply = await tenant.SendAsync(new HttpMethod(method), $"/Users/{id}", body, configure: r => r.Headers.TryAddWithoutValidation("If-Match", stale));

        reply.AssertScimError(HttpStatusCode.PreconditionFailed, null);
        JsonAssert.Equal(current, await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task GroupPatch_WithStaleIfMatch_Returns412AndKeepsMembers()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var user = await tenant.CreateAsync("Users", User);
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Guarded" }""");
        var stale = (await tenant.GetResourceAsync("Groups", group))["meta"]!["version"]!.GetValue<string>();
        await tenant.PatchOkAsync("Groups", group, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "displayName", "Guarded 2")]), HttpStatusCode.NoContent);

        var reply = await tenant.SendAsync(HttpMethod.Patch, $"/Groups/{group}", new AzureAdRequests(Dialect.Rfc).AddMembers([user]),
            configure: r => r.Headers.TryAddWithoutValidation("If-Match", stale));

        reply.AssertScimError(HttpStatusCode.PreconditionFailed, null);
        Assert.Empty(await tenant.MemberIdsAsync(group));
    }

    [Fact]
    public async Task GroupPatch_AnswersTheNewETag()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Tagged" }""");

        var reply = await tenant.PatchOkAsync("Groups", group, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "displayName", "Tagged 2")]), HttpStatusCode.NoContent);

        Assert.Equal((await tenant.GetResourceAsync("Groups", group))["meta"]!["version"]!.GetValue<string>(), reply.Response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_WithCurrentIfMatch_Succeeds()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var id = await tenant.CreateAsync("Users", User);
        var version = (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>();

        var reply = await tenant.SendAsync(HttpMethod.Patch, $"/Users/{id}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "Two")]),
            configure: r => r.Headers.TryAddWithoutValidation("If-Match", version));

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.NotEqual(version, reply.Response.Headers.ETag!.ToString());
        Assert.Equal(reply.Json["meta"]!["version"]!.GetValue<string>(), reply.Response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Get_WithCurrentIfNoneMatch_Returns304WithoutBody()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var id = await tenant.CreateAsync("Users", User);
        var version = (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>();

        var reply = await tenant.SendAsync(HttpMethod.Get, $"/Users/{id}", configure: r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(version)));

        reply.AssertStatus(HttpStatusCode.NotModified);
        Assert.Empty(reply.Body);
        Assert.Equal(version, reply.Response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Get_WithOldIfNoneMatch_Returns200()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var id = await tenant.CreateAsync("Users", User);
        var old = (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>();
        await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "Two")]), HttpStatusCode.OK);

        var reply = await tenant.SendAsync(HttpMethod.Get, $"/Users/{id}", configure: r => r.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(old)));

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Two", reply.Json["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task GroupMembershipChange_ChangesTheUsersVersion()
    {
        var tenant = await host.CreateTenantAsync("etag");
        var id = await tenant.CreateAsync("Users", User);
        var before = (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>();

        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Versioned", "members": [{ "value": "{{id}}" }] }""");

        await tenant.WaitForGroupsAsync(id, group);
        Assert.NotEqual(before, (await tenant.GetResourceAsync("Users", id))["meta"]!["version"]!.GetValue<string>());
    }
}
