using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Provisioning;

/// <summary>The documented and field-reported details of Azure AD's requests (shared/design.md), one at a time.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class AzureAdDialectDetailsTests(ScimHostFactory host)
{
    [Fact]
    public async Task Post_WithMetaRolesNullsReadOnlyAndUnknownSchemaUris_IgnoresThem()
    {
        var tenant = await host.CreateTenantAsync("details");

        var reply = await tenant.PostAsync("/Users", $$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}", "{{Schemas.AdScimGroup}}"],
              "id": "client-chosen-id",
              "userName": "quirky",
              "meta": { "resourceType": "User", "version": "W/\"99\"", "created": "2001-01-01T00:00:00Z" },
              "groups": [{ "value": "not-a-group" }],
              "roles": [],
              "displayName": null,
              "name": { "givenName": "Q", "familyName": null },
              "{{Schemas.Enterprise}}": { "employeeNumber": 1234, "manager": null }
            }
            """);

        reply.AssertStatus(HttpStatusCode.Created);
        var user = reply.Json;
        Assert.NotEqual("client-chosen-id", user["id"]!.GetValue<string>());
        Assert.Equal("W/\"1\"", user["meta"]!["version"]!.GetValue<string>());
        Assert.Null(user["groups"]);
        Assert.Null(user["roles"]);
        Assert.Null(user["displayName"]);
        JsonAssert.Equal(JsonNode.Parse("""{ "givenName": "Q" }"""), user["name"]);
        JsonAssert.Equal(JsonNode.Parse("""{ "employeeNumber": "1234" }"""), user[Schemas.Enterprise]);
        Assert.DoesNotContain(Schemas.AdScimGroup, user["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        (await tenant.GetAsync("/Users/client-chosen-id")).AssertScimError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Post_GroupWithAdScimSchemaMetaAndMemberDisplay_IsCreated()
    {
        var tenant = await host.CreateTenantAsync("details");
        var user = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "member" }""");

        var reply = await tenant.PostAsync("/Groups", $$"""
            {
              "schemas": ["{{Schemas.Group}}", "{{Schemas.AdScimGroup}}"],
              "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159",
              "displayName": "Group1DisplayName",
              "meta": { "resourceType": "Group" },
              "members": [{ "value": "{{user}}", "display": "Member Name" }]
            }
            """);

        reply.AssertStatus(HttpStatusCode.Created);
        JsonAssert.Contains($$"""{ "displayName": "Group1DisplayName", "externalId": "8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159", "members": [{ "value": "{{user}}", "display": "Member Name" }] }""", reply.Json);
    }

    [Theory]
    [InlineData("\"False\"", false)]
    [InlineData("\"false\"", false)]
    [InlineData("[{ \"value\": \"False\" }]", false)]
    [InlineData("\"True\"", true)]
    [InlineData("[{ \"value\": \"True\" }]", true)]
    public async Task Patch_LegacyBooleanForms_AreStoredAsJsonBooleans(string value, bool expected)
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "flag", "active": {{(expected ? "false" : "true")}} }""");

        var reply = await tenant.PatchOkAsync("Users", id, $$"""
            { "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "Replace", "path": "active", "value": {{value}} }] }
            """, HttpStatusCode.OK);

        Assert.Equal(expected ? JsonValueKind.True : JsonValueKind.False, reply.Json["active"]!.GetValueKind());
        Assert.Equal(id, (await tenant.FindOneAsync("Users", $"active eq {(expected ? "true" : "false")}"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_LegacyAddOnExistingWorkEmail_ReplacesItsValue()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""
            { "schemas": ["{{Schemas.User}}"], "userName": "mail", "emails": [{ "type": "work", "value": "old@example.com", "primary": true }, { "type": "home", "value": "home@example.com" }] }
            """);

        var reply = await tenant.PatchOkAsync("Users", id, new AzureAdRequests(Dialect.Legacy).Add(("emails[type eq \"work\"].value", "new@example.com")), HttpStatusCode.OK);

        JsonAssert.Contains("""{ "emails": [{ "type": "work", "value": "new@example.com", "primary": true }, { "type": "home", "value": "home@example.com" }] }""", reply.Json);
    }

    [Fact]
    public async Task Patch_AddMobilePhoneWhenThereIsNone_CreatesIt()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "phone", "phoneNumbers": [{ "type": "work", "value": "+1 555 0100" }] }""");

        var reply = await tenant.PatchOkAsync("Users", id, new AzureAdRequests(Dialect.Legacy).Add(("phoneNumbers[type eq \"mobile\"].value", "+1 555 0199")), HttpStatusCode.OK);

        JsonAssert.Contains("""{ "phoneNumbers": [{ "type": "work", "value": "+1 555 0100" }, { "type": "mobile", "value": "+1 555 0199" }] }""", reply.Json);
    }

    [Fact]
    public async Task Patch_PathlessReplaceWithNestedObjects_LeavesUnnamedSubAttributes()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""
            {
              "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"], "userName": "nested",
              "name": { "givenName": "Old", "familyName": "Keep" },
              "{{Schemas.Enterprise}}": { "employeeNumber": "1", "department": "Old" }
            }
            """);

        var reply = await tenant.PatchOkAsync("Users", id, $$"""
            { "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "replace", "value": { "name": { "givenName": "New" }, "{{Schemas.Enterprise}}": { "department": "New" } } }] }
            """, HttpStatusCode.OK);

        JsonAssert.Contains($$"""{ "name": { "givenName": "New", "familyName": "Keep" }, "{{Schemas.Enterprise}}": { "employeeNumber": "1", "department": "New" } }""", reply.Json);
    }

    [Fact]
    public async Task Patch_AttributeNamesInAnyCase_AreMatched()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "USERNAME": "cased", "Name": { "GivenName": "A" } }""");

        var reply = await tenant.PatchOkAsync("Users", id, $$"""
            { "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "Replace", "path": "Name.FamilyName", "value": "B" }, { "op": "replace", "value": { "DisplayName": "C" } }] }
            """, HttpStatusCode.OK);

        JsonAssert.Contains("""{ "userName": "cased", "name": { "givenName": "A", "familyName": "B" }, "displayName": "C" }""", reply.Json);
    }

    [Theory]
    [InlineData(Dialect.Legacy)]
    [InlineData(Dialect.Rfc)]
    public async Task Patch_RemoveManager_DropsTheEmptyEnterpriseExtension(Dialect dialect)
    {
        var tenant = await host.CreateTenantAsync("details");
        var manager = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "boss" }""");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}", "{{Schemas.Enterprise}}"], "userName": "report", "{{Schemas.Enterprise}}": { "manager": { "value": "{{manager}}" } } }""");
        var remove = dialect == Dialect.Legacy
            ? AzureAdRequests.PatchOp([AzureAdRequests.Operation("Remove", AzureAdRequests.ManagerPath, new JsonArray(new JsonObject { ["value"] = manager }))])
            : AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", AzureAdRequests.ManagerPath, null)]);

        var reply = await tenant.PatchOkAsync("Users", id, remove, HttpStatusCode.OK);

        Assert.Null(reply.Json[Schemas.Enterprise]);
        Assert.Equal([Schemas.User], reply.Json["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
    }

    [Fact]
    public async Task Patch_ManagerWithReadOnlyDisplayName_StoresTheReference()
    {
        var tenant = await host.CreateTenantAsync("details");
        var manager = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "boss" }""");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "report" }""");

        var reply = await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("Add", AzureAdRequests.ManagerPath,
            new JsonObject { ["value"] = manager, ["displayName"] = "The Boss" })]), HttpStatusCode.OK);

        Assert.Equal(manager, reply.Json[Schemas.Enterprise]!["manager"]!["value"]!.GetValue<string>());
    }

    [Fact]
    public async Task Patch_RemoveAttributeAndFilteredEmail_RemovesOnlyThose()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""
            { "schemas": ["{{Schemas.User}}"], "userName": "remover", "title": "Gone", "emails": [{ "type": "work", "value": "w@example.com" }, { "type": "home", "value": "h@example.com" }] }
            """);

        var reply = await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([
            AzureAdRequests.Operation("Remove", "title", null),
            AzureAdRequests.Operation("remove", "emails[type eq \"work\"]", null),
        ]), HttpStatusCode.OK);

        Assert.Null(reply.Json["title"]);
        JsonAssert.Contains("""{ "emails": [{ "type": "home", "value": "h@example.com" }] }""", reply.Json);
        await tenant.AssertNoMatchAsync("Users", "emails.value eq \"w@example.com\"");
    }

    [Fact]
    public async Task OneTenant_AcceptsBothDialectsOnTheSameUser()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "both", "active": true }""");
        var legacy = new AzureAdRequests(Dialect.Legacy);
        var rfc = new AzureAdRequests(Dialect.Rfc);

        await tenant.PatchOkAsync("Users", id, legacy.Replace(("displayName", "Legacy"), ("active", false)), HttpStatusCode.OK);
        await tenant.PatchOkAsync("Users", id, rfc.Replace(("name.givenName", "Rfc"), (Schemas.Enterprise + ":employeeNumber", "7")), HttpStatusCode.OK);
        var reply = await tenant.PatchOkAsync("Users", id, legacy.Replace(("active", true)), HttpStatusCode.OK);

        JsonAssert.Contains($$"""{ "displayName": "Legacy", "active": true, "name": { "givenName": "Rfc" }, "{{Schemas.Enterprise}}": { "employeeNumber": "7" } }""", reply.Json);
    }

    [Fact]
    public async Task Patch_AddWorkEmailWhenOneExists_NeverStoresTwoWorkEmails()
    {
        var tenant = await host.CreateTenantAsync("details");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "typed", "emails": [{ "type": "work", "value": "first@example.com" }] }""");

        var reply = await tenant.PatchAsync($"/Users/{id}", AzureAdRequests.PatchOp([
            AzureAdRequests.Operation("Add", "emails", new JsonArray(new JsonObject { ["type"] = "work", ["value"] = "second@example.com" }))]));

        var emails = (await tenant.GetResourceAsync("Users", id))["emails"]!.AsArray();
        Assert.Single(emails, e => e!["type"]!.GetValue<string>() == "work");
        if (reply.Status == HttpStatusCode.OK)
        {
            Assert.Equal("second@example.com", emails.Single(e => e!["type"]!.GetValue<string>() == "work")!["value"]!.GetValue<string>());
        }
        else
        {
            reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        }
    }

    [Fact]
    public async Task Post_TwoEmailsOfOneType_NeverStoresTwoWorkEmails_Strict()
    {
        var tenant = await host.CreateStrictTenantAsync("details");

        var reply = await tenant.PostAsync("/Users", $$"""
            { "schemas": ["{{Schemas.User}}"], "userName": "twice", "emails": [{ "type": "work", "value": "a@example.com" }, { "type": "work", "value": "b@example.com" }] }
            """);

        if (reply.Status == HttpStatusCode.Created)
        {
            Assert.Single(reply.Json["emails"]!.AsArray(), e => e!["type"]!.GetValue<string>() == "work");
        }
        else
        {
            reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        }
    }
}
