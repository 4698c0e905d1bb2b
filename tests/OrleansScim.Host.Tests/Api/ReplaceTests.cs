using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>PUT replaces every writable attribute (RFC 7644 §3.5.1); id, created and readOnly attributes stay.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class ReplaceTests(ScimHostFactory host)
{
    [Fact]
    public async Task Put_User_ReplacesWritableAttributesAndKeepsIdentity()
    {
        var tenant = await host.CreateTenantAsync("put");
        var created = (await tenant.PostAsync("/Users", $$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"], "userName": "replace.me", "title": "Old", "externalId": "x-1",
              "emails": [{ "type": "work", "value": "old@example.com" }], "{{Schemas.Enterprise}}": { "department": "Old" }
            }
            """)).AssertStatus(HttpStatusCode.Created).Json;
        var id = created["id"]!.GetValue<string>();

        var reply = await tenant.PutAsync($"/Users/{id}", $$"""
            { "schemas": ["{{Schemas.User}}"], "id": "ignored", "userName": "Replace.Me", "name": { "givenName": "New" } }
            """);

        reply.AssertStatus(HttpStatusCode.OK);
        var user = reply.Json;
        Assert.Equal(id, user["id"]!.GetValue<string>());
        Assert.Equal("Replace.Me", user["userName"]!.GetValue<string>());
        Assert.Equal("New", user["name"]!["givenName"]!.GetValue<string>());
        Assert.Null(user["title"]);
        Assert.Null(user["emails"]);
        Assert.Null(user["externalId"]);
        Assert.Null(user[Schemas.Enterprise]);
        Assert.Equal(created["meta"]!["created"]!.GetValue<string>(), user["meta"]!["created"]!.GetValue<string>());
        Assert.Equal("W/\"2\"", user["meta"]!["version"]!.GetValue<string>());
        JsonAssert.Equal(user, await tenant.GetConsistentlyAsync("Users", id, "userName eq \"replace.me\""));
        await tenant.AssertNoMatchAsync("Users", "emails.value eq \"old@example.com\"");
        await tenant.AssertNoMatchAsync("Users", "externalId eq \"x-1\"");
    }

    [Fact]
    public async Task Put_UserWithoutUserName_Returns400AndChangesNothing()
    {
        var tenant = await host.CreateTenantAsync("put");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "kept", "title": "Kept" }""");
        var before = await tenant.GetResourceAsync("Users", id);

        (await tenant.PutAsync($"/Users/{id}", $$"""{ "schemas": ["{{Schemas.User}}"], "title": "Lost" }""")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");

        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task Patch_KeepsCreatedAndAdvancesLastModifiedAndVersion()
    {
        var tenant = await host.CreateTenantAsync("put");
        var created = (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "timed" }""")).AssertStatus(HttpStatusCode.Created).Json;
        var id = created["id"]!.GetValue<string>();

        var patched = (await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "T")]), HttpStatusCode.OK)).Json;

        Assert.Equal(created["meta"]!["created"]!.GetValue<string>(), patched["meta"]!["created"]!.GetValue<string>());
        Assert.True(DateTimeOffset.Parse(patched["meta"]!["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture)
            >= DateTimeOffset.Parse(created["meta"]!["lastModified"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("W/\"2\"", patched["meta"]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_ThatChangesNothing_KeepsTheVersion()
    {
        var tenant = await host.CreateTenantAsync("put");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "same", "title": "Same" }""");

        var patched = (await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("Replace", "title", "Same")]), HttpStatusCode.OK)).Json;

        Assert.Equal("W/\"1\"", patched["meta"]!["version"]!.GetValue<string>());
    }
}
