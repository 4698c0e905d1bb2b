using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Bulk;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.RealClients;

/// <summary>
/// The README's input-policy table, row by row, through the real host: a tenant reads input tolerantly
/// by default (what real clients send is accepted; what no schema defines is ignored, never stored) and
/// strictly on request (<c>PUT /admin/tenants/{id}/settings {"inputPolicy":"strict"}</c>).
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class InputPolicyTests(ScimHostFactory host)
{
    [Fact]
    public async Task Post_AnAttributeNoSchemaDefines_IsIgnoredWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var body = $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "u@contoso.example", "favouriteColour": "blue", "{{Schemas.Enterprise}}": { "department": "Ops", "shoeSize": 44 } }""";

        var created = (await tolerant.PostAsync("/Users", body)).AssertStatus(HttpStatusCode.Created);
        var refused = await strict.PostAsync("/Users", body);

        Assert.Null(created.Json["favouriteColour"]);
        JsonAssert.Equal(JsonNode.Parse("""{ "department": "Ops" }"""), created.Json[Schemas.Enterprise]);
        refused.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        await strict.AssertNoMatchAsync("Users", "userName eq \"u@contoso.example\"");
    }

    [Fact]
    public async Task Put_AnUnknownSubAttribute_IsIgnoredWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var put = $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "p@contoso.example", "name": { "givenName": "Pat", "nick": "P" } }""";

        foreach (var tenant in new[] { tolerant, strict })
        {
            var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "p@contoso.example" }""");
            var reply = await tenant.PutAsync($"/Users/{id}", put);
            if (tenant == tolerant)
            {
                JsonAssert.Equal(JsonNode.Parse("""{ "givenName": "Pat" }"""), reply.AssertStatus(HttpStatusCode.OK).Json["name"]);
            }
            else
            {
                reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
                Assert.Null((await tenant.GetResourceAsync("Users", id))["name"]);
            }
        }
    }

    [Fact]
    public async Task Group_AMemberSentWithDisplayName_IsIgnoredWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");

        foreach (var tenant in new[] { tolerant, strict })
        {
            var user = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "m@contoso.example" }""");
            var reply = await tenant.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "G", "members": [{ "value": "{{user}}", "displayName": "M" }] }""");
            if (tenant == tolerant)
            {
                var group = reply.AssertStatus(HttpStatusCode.Created).Json["id"]!.GetValue<string>();
                Assert.Equal([user], await tenant.MemberIdsAsync(group));
                Assert.Null((await tenant.GetResourceAsync("Groups", group))["members"]![0]!["displayName"]);
            }
            else
            {
                reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
            }
        }
    }

    [Fact]
    public async Task TwoValuesOfOneType_AreStoredAsSentWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var body = $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "two@contoso.example", "emails": [{ "type": "work", "value": "a@contoso.example" }, { "type": "work", "value": "b@contoso.example" }] }""";

        var created = (await tolerant.PostAsync("/Users", body)).AssertStatus(HttpStatusCode.Created);
        (await strict.PostAsync("/Users", body)).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Equal(2, created.Json["emails"]!.AsArray().Count);
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal(id, (await tolerant.FindOneAsync("Users", "emails[type eq \"work\"].value eq \"b@contoso.example\""))["id"]!.GetValue<string>());

        // Replacing the work email's value sets it on both work emails, which then are one value.
        (await tolerant.PatchAsync($"/Users/{id}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "emails[type eq \"work\"].value", "c@contoso.example")]))).AssertStatus(HttpStatusCode.OK);
        JsonAssert.Equal(JsonNode.Parse("""[{ "type": "work", "value": "c@contoso.example" }]"""), (await tolerant.GetResourceAsync("Users", id))["emails"]);
    }

    [Theory]
    [InlineData("noSuchAttribute")]
    [InlineData("name.noSuchPart")]
    [InlineData("emails[type eq \"work\"].noSuchPart")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:noSuchAttribute")]
    public async Task Patch_APathNoSchemaDefines_IsIgnoredWhenTolerant_TheRestApplied(string path)
    {
        var tenant = await host.CreateTenantAsync("pol");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "path@contoso.example" }""");
        var body = AzureAdRequests.PatchOp([
            AzureAdRequests.Operation("replace", "displayName", "Changed"),
            AzureAdRequests.Operation("replace", path, "x"),
        ]);

        var reply = (await tenant.PatchAsync($"/Users/{id}", body)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal("Changed", reply.Json["displayName"]!.GetValue<string>());
        var stored = await tenant.GetResourceAsync("Users", id);
        Assert.DoesNotContain("noSuch", stored.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Patch_PathlessKeysNoSchemaDefines_AreIgnoredWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var body = AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", null, JsonNode.Parse("""{ "title": "Lead", "favouriteColour": "blue" }"""))]);

        foreach (var tenant in new[] { tolerant, strict })
        {
            var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "pathless@contoso.example" }""");
            var reply = await tenant.PatchAsync($"/Users/{id}", body);
            if (tenant == tolerant)
            {
                Assert.Equal("Lead", reply.AssertStatus(HttpStatusCode.OK).Json["title"]!.GetValue<string>());
            }
            else
            {
                reply.AssertScimError(HttpStatusCode.BadRequest, "invalidPath");
                Assert.Null((await tenant.GetResourceAsync("Users", id))["title"]);
            }
        }
    }

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task FilterAndSortBy_OnAnUnknownAttribute_Are400InBothPolicies(string policy)
    {
        var tenant = policy == "strict" ? await host.CreateStrictTenantAsync("pol") : await host.CreateTenantAsync("pol");

        (await tenant.FilterAsync("Users", "favouriteColour eq \"blue\"")).AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
        (await tenant.GetAsync("/Users?sortBy=favouriteColour")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task Attributes_UnknownNames_AreIgnoredInBothPolicies(string policy)
    {
        var tenant = policy == "strict" ? await host.CreateStrictTenantAsync("pol") : await host.CreateTenantAsync("pol");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "attr@contoso.example", "title": "T" }""");

        var user = await tenant.GetResourceAsync("Users", id, "attributes=userName,shoeSize");
        var list = (await tenant.GetAsync("/Users?excludedAttributes=shoeSize")).AssertListResponse();

        Assert.Equal("attr@contoso.example", user["userName"]!.GetValue<string>());
        Assert.Null(user["title"]);
        Assert.Equal("T", list.Resources[0]["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Attributes_WithAValueFilter_MeanTheWholeAttributeWhenTolerant_And400WhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        const string query = "attributes=emails%5Btype%20eq%20%22work%22%5D";

        foreach (var tenant in new[] { tolerant, strict })
        {
            var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "vf@contoso.example", "emails": [{ "type": "work", "value": "w@contoso.example" }, { "type": "home", "value": "h@contoso.example" }] }""");
            var reply = await tenant.GetAsync($"/Users/{id}?{query}");
            var list = await tenant.GetAsync($"/Users?{query}");
            if (tenant == tolerant)
            {
                Assert.Equal(2, reply.AssertStatus(HttpStatusCode.OK).Json["emails"]!.AsArray().Count);
                Assert.Null(reply.Json["userName"]);
                Assert.Equal(2, list.AssertListResponse().Resources[0]["emails"]!.AsArray().Count);
            }
            else
            {
                reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
                list.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
            }
        }
    }

    [Theory]
    [InlineData("userName eq unquoted@contoso.example", true)]
    [InlineData("name.familyName eq Employee", true)]
    [InlineData("userName sw O", false)]
    [InlineData("userName sw U", true)]
    [InlineData("meta.created gt 2015-10-10T14:38:21.8617979-07:00", true)]
    public async Task Filter_AnUnquotedValue_IsTypedByItsAttributeWhenTolerant_And400WhenStrict(string filter, bool matches)
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        const string body = """{ "userName": "unquoted@contoso.example", "active": true, "name": { "familyName": "Employee" } }""";
        var id = await tolerant.CreateAsync("Users", body);
        await strict.CreateAsync("Users", body);

        var found = (await tolerant.FilterAsync("Users", filter)).AssertListResponse();
        var searched = (await tolerant.PostAsync("/Users/.search", new JsonObject { ["schemas"] = new JsonArray(Schemas.SearchRequest), ["filter"] = filter }.ToJsonString())).AssertListResponse();

        Assert.Equal(matches ? [id] : [], found.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal(found.TotalResults, searched.TotalResults);
        (await strict.FilterAsync("Users", filter)).AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task Members_AsBareIdStrings_MeanValueObjects(string policy)
    {
        var tenant = policy == "strict" ? await host.CreateStrictTenantAsync("pol") : await host.CreateTenantAsync("pol");
        var users = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            users.Add(await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "bare{{i}}@contoso.example" }"""));
        }

        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Bare", "members": ["{{users[0]}}"] }""");
        (await tenant.PatchAsync($"/Groups/{group}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("add", "members", users[1])]))).AssertStatus(HttpStatusCode.NoContent);
        (await tenant.PatchAsync($"/Groups/{group}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("add", null, JsonNode.Parse($$"""{ "members": ["{{users[2]}}"] }"""))]))).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(users.Order(StringComparer.Ordinal), await tenant.MemberIdsAsync(group));

        (await tenant.PatchAsync($"/Groups/{group}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", "members", new JsonArray(users[0]))]))).AssertStatus(HttpStatusCode.NoContent);
        Assert.Equal(users.Skip(1).Order(StringComparer.Ordinal), await tenant.MemberIdsAsync(group));
    }

    [Fact]
    public async Task Members_ThatDoNotExist_AreSkippedWhenTolerant_AndRefusedNamingThemWhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var missing = Guid.NewGuid().ToString();

        foreach (var tenant in new[] { tolerant, strict })
        {
            var real = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "real@contoso.example" }""");
            var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Mixed" }""");
            var reply = await tenant.PatchAsync($"/Groups/{group}", new AzureAdRequests(Dialect.Legacy).AddMembers([real, missing]));
            if (tenant == tolerant)
            {
                reply.AssertStatus(HttpStatusCode.NoContent);
                Assert.Equal([real], await tenant.MemberIdsAsync(group));
                await tenant.WaitForGroupsAsync(real, group);
            }
            else
            {
                reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
                Assert.Contains(missing, reply.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
                Assert.Empty(await tenant.MemberIdsAsync(group));
            }
        }
    }

    [Fact]
    public async Task Bulk_DataWithAnUnknownAttribute_IsIgnoredWhenTolerant_AndOnlyThatOperationFailsWhenStrict()
    {
        var tolerant = await host.CreateTenantAsync("pol");
        var strict = await host.CreateStrictTenantAsync("pol");
        var request = BulkRequests.Request([
            BulkRequests.Operation("POST", "/Users", """{ "userName": "bulk1@contoso.example", "favouriteColour": "blue" }""", "one"),
            BulkRequests.Operation("POST", "/Users", """{ "userName": "bulk2@contoso.example" }""", "two"),
        ]);

        var accepted = (await tolerant.PostAsync("/Bulk", request)).AssertStatus(HttpStatusCode.OK).Json["Operations"]!.AsArray();
        var mixed = (await strict.PostAsync("/Bulk", request)).AssertStatus(HttpStatusCode.OK).Json["Operations"]!.AsArray();

        Assert.Equal(["201", "201"], accepted.Select(o => o!["status"]!.GetValue<string>()));
        Assert.Equal(["400", "201"], mixed.Select(o => o!["status"]!.GetValue<string>()));
        Assert.Null((await tolerant.FindOneAsync("Users", "userName eq \"bulk1@contoso.example\""))["favouriteColour"]);
    }
}
