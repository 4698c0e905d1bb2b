using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.TenantSchemas;

/// <summary>Per-tenant extension schemas registered through the admin API, and the undeclared-extension setting.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class TenantSchemaApiTests(ScimHostFactory host)
{
    private const string Urn = "urn:ietf:params:scim:schemas:extension:grouptalk:2.0:User";

    private const string GroupTalk = """
        {
          "resourceType": "User",
          "name": "GroupTalkUser",
          "description": "Push-to-talk labels",
          "attributes": [
            { "name": "label1", "type": "string", "caseExact": false },
            { "name": "seats", "type": "integer" },
            { "name": "badge", "required": true }
          ]
        }
        """;

    [Fact]
    public async Task Register_Returns200WithTheRFC7643SchemaRepresentation()
    {
        var tenant = await host.CreateTenantAsync("ext");

        var response = await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var schema = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        JsonAssert.Contains($$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:Schema"],
              "id": "{{Urn}}", "name": "GroupTalkUser", "description": "Push-to-talk labels",
              "resourceType": "User", "required": false,
              "meta": { "resourceType": "Schema", "location": "{{tenant.BaseUrl}}/Schemas/{{Urn}}" }
            }
            """, schema);
        JsonAssert.Contains("""{ "name": "seats", "type": "integer", "multiValued": false, "mutability": "readWrite", "returned": "default", "uniqueness": "none" }""", schema["attributes"]![1]);
    }

    [Fact]
    public async Task Registered_RFC7644Section4_AppearsInSchemasAndResourceTypes_OfThatTenantOnly()
    {
        var tenant = await host.CreateTenantAsync("ext");
        var other = await host.CreateTenantAsync("ext");

        (await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk)).EnsureSuccessStatusCode();

        var schemas = (await tenant.GetAsync("/Schemas")).AssertListResponse();
        Assert.Contains(Urn, schemas.Resources.Select(s => s["id"]!.GetValue<string>()));
        var one = (await tenant.GetAsync($"/Schemas/{Urn}")).AssertStatus(HttpStatusCode.OK);
        JsonAssert.Contains("""{ "name": "badge", "required": true }""", one.Json["attributes"]![2]);
        var user = (await tenant.GetAsync("/ResourceTypes/User")).AssertStatus(HttpStatusCode.OK);
        JsonAssert.Contains($$"""{ "schemaExtensions": [{ "schema": "{{Schemas.Enterprise}}", "required": false }, { "schema": "{{Urn}}", "required": false }] }""", user.Json);
        Assert.DoesNotContain(Urn, (await other.GetAsync("/Schemas")).AssertListResponse().Resources.Select(s => s["id"]!.GetValue<string>()));
        (await other.GetAsync($"/Schemas/{Urn}")).AssertScimError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Registered_ValuesAreValidated_WrongTypeAndMissingRequiredAre400_Strict()
    {
        var tenant = await host.CreateStrictTenantAsync("ext");
        (await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk)).EnsureSuccessStatusCode();

        var wrongType = await tenant.PostAsync("/Users", User("a@ext.example", """{ "badge": "B1", "seats": "many" }"""));
        var missing = await tenant.PostAsync("/Users", User("b@ext.example", """{ "label1": "Team A" }"""));
        var undeclaredAttribute = await tenant.PostAsync("/Users", User("c@ext.example", """{ "badge": "B1", "label9": "x" }"""));

        wrongType.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        missing.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Contains("badge", missing.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        undeclaredAttribute.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        var id = await tenant.CreateAsync("Users", User("d@ext.example", """{ "BADGE": "B1", "seats": "3" }"""));
        JsonAssert.Contains($$"""{ "{{Urn}}": { "badge": "B1", "seats": 3 } }""", await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task Registered_RFC7644Section3_4_2_2_AFilterOnAnExtensionAttributeWorks()
    {
        var tenant = await host.CreateTenantAsync("ext");
        (await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk)).EnsureSuccessStatusCode();
        var alpha = await tenant.CreateAsync("Users", User("alpha@ext.example", """{ "badge": "B1", "label1": "Team A", "seats": 2 }"""));
        await tenant.CreateAsync("Users", User("beta@ext.example", """{ "badge": "B2", "label1": "Team B", "seats": 5 }"""));

        var byLabel = await tenant.FindOneAsync("Users", $"{Urn}:label1 eq \"team a\"");
        var bySeats = await tenant.FindOneAsync("Users", $"{Urn}:seats lt 3");

        Assert.Equal(alpha, byLabel["id"]!.GetValue<string>());
        Assert.Equal(alpha, bySeats["id"]!.GetValue<string>());
        (await tenant.FilterAsync("Users", $"{Urn}:seats lt \"three\"")).AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task UndeclaredExtensions_AreStoredByDefault_AndRefusedWhenTheSettingIsOn()
    {
        var tenant = await host.CreateTenantAsync("ext");
        const string Vendor = "urn:acme:params:scim:2.0:User";
        var stored = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "stored@ext.example", "{{Vendor}}": { "tier": "gold" } }""");
        JsonAssert.Contains($$"""{ "{{Vendor}}": { "tier": "gold" } }""", await tenant.GetResourceAsync("Users", stored));

        var settings = await SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant.TenantId}/settings", """{ "rejectUndeclaredExtensions": true }""");
        Assert.Equal(HttpStatusCode.OK, settings.StatusCode);
        JsonAssert.Contains("""{ "rejectUndeclaredExtensions": true }""", await settings.Content.ReadFromJsonAsync<JsonObject>());

        (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "refused@ext.example", "{{Vendor}}": { "tier": "gold" } }"""))
            .AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        // In a PATCH the undeclared URN is in the path, so the PATCH engine calls it an invalid path.
        (await tenant.PatchAsync($"/Users/{stored}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "add", "path": "{{Vendor}}:tier", "value": "silver" }] }"""))
            .AssertScimError(HttpStatusCode.BadRequest, "invalidPath");

        (await SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant.TenantId}/settings", """{ "rejectUndeclaredExtensions": false }""")).EnsureSuccessStatusCode();
        await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "again@ext.example", "{{Vendor}}": { "tier": "gold" } }""");
    }

    [Fact]
    public async Task ASchemaChange_IsInForceOnTheNextRequest()
    {
        var tenant = await host.CreateTenantAsync("ext");
        // The first request caches the tenant's (built-in) schema set.
        await tenant.CreateAsync("Users", User("before@ext.example", """{ "seats": "many" }"""));

        (await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk)).EnsureSuccessStatusCode();
        (await tenant.PostAsync("/Users", User("during@ext.example", """{ "badge": "B", "seats": "many" }"""))).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");

        (await SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant.TenantId}/schemas/{Urn}")).EnsureSuccessStatusCode();
        await tenant.CreateAsync("Users", User("after@ext.example", """{ "seats": "many" }"""));
        Assert.DoesNotContain(Urn, (await tenant.GetAsync("/Schemas")).AssertListResponse().Resources.Select(s => s["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task AdminApi_ListsRemovesAndReportsSettings()
    {
        var tenant = await host.CreateTenantAsync("ext");
        (await PutSchemaAsync(tenant.TenantId, Urn, GroupTalk)).EnsureSuccessStatusCode();
        (await PutSchemaAsync(tenant.TenantId, "urn:acme:params:scim:2.0:Group", """{ "resourceType": "Group", "required": true, "attributes": [{ "name": "room" }] }""")).EnsureSuccessStatusCode();

        var list = await (await SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant.TenantId}/schemas")).Content.ReadFromJsonAsync<JsonObject>();
        var settings = await (await SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant.TenantId}/settings")).Content.ReadFromJsonAsync<JsonObject>();

        JsonAssert.Contains($$"""{ "extensions": [{ "id": "{{Urn}}", "resourceType": "User" }, { "id": "urn:acme:params:scim:2.0:Group", "resourceType": "Group", "required": true }] }""", list);
        JsonAssert.Contains("""{ "rejectUndeclaredExtensions": false }""", settings);
        Assert.Equal(HttpStatusCode.NoContent, (await SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant.TenantId}/schemas/{Urn}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant.TenantId}/schemas/{Urn}")).StatusCode);
        var group = (await tenant.GetAsync("/ResourceTypes/Group")).AssertStatus(HttpStatusCode.OK);
        JsonAssert.Contains("""{ "schemaExtensions": [{ "schema": "urn:acme:params:scim:2.0:Group", "required": true }] }""", group.Json);
    }

    [Theory]
    [InlineData("not a URN", "acme-ext", GroupTalk, "must be a URN")]
    [InlineData("the core namespace", "urn:ietf:params:scim:schemas:core:2.0:Device", GroupTalk, "reserved")]
    [InlineData("the enterprise extension", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User", GroupTalk, "built-in")]
    [InlineData("a bad attribute type", Urn, """{ "resourceType": "User", "attributes": [{ "name": "x", "type": "text" }] }""", "'text' is not a valid type")]
    [InlineData("complex sub-attributes", Urn, """{ "resourceType": "User", "attributes": [{ "name": "x", "type": "complex", "subAttributes": [{ "name": "y", "type": "complex", "subAttributes": [{ "name": "z" }] }] }] }""", "cannot be complex")]
    [InlineData("a bad mutability", Urn, """{ "resourceType": "User", "attributes": [{ "name": "x", "mutability": "never" }] }""", "not a valid mutability")]
    [InlineData("a bad attribute name", Urn, """{ "resourceType": "User", "attributes": [{ "name": "9lives" }] }""", "not a valid attribute name")]
    [InlineData("an unknown resource type", Urn, """{ "resourceType": "Device", "attributes": [{ "name": "x" }] }""", "resourceType")]
    [InlineData("not JSON", Urn, "{ nope", "not valid JSON")]
    public async Task AdminApi_AnInvalidSchema_Is400WithAClearDetail(string rule, string urn, string body, string detail)
    {
        var tenant = await host.CreateTenantAsync("ext");

        var response = await PutSchemaAsync(tenant.TenantId, urn, body);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{rule}: {(int)response.StatusCode}");
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Contains(detail, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var stored = await (await SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant.TenantId}/schemas")).Content.ReadFromJsonAsync<JsonObject>();
        Assert.Empty(stored!["extensions"]!.AsArray());
    }

    [Fact]
    public async Task AdminApi_UnknownTenant_Is404_AndBadSettings_Are400()
    {
        var tenant = await host.CreateTenantAsync("ext");

        Assert.Equal(HttpStatusCode.NotFound, (await PutSchemaAsync("no-such-tenant", Urn, GroupTalk)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/admin/tenants/no-such-tenant/schemas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/admin/tenants/no-such-tenant/settings")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant.TenantId}/settings", """{ "reject": true }""")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await SendAsync(HttpMethod.Put, $"/admin/tenants/{tenant.TenantId}/settings", """{ "rejectUndeclaredExtensions": "yes" }""")).StatusCode);
    }

    [Fact]
    public async Task AdminApi_NeedsTheAdminKey()
    {
        var tenant = await host.CreateTenantAsync("ext");
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.Token);

        var response = await client.PutAsync($"/admin/tenants/{tenant.TenantId}/schemas/{Urn}", new StringContent(GroupTalk, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static string User(string userName, string extension) =>
        $$"""{ "schemas": ["{{Schemas.User}}", "{{Urn}}"], "userName": "{{userName}}", "{{Urn}}": {{extension}} }""";

    private Task<HttpResponseMessage> PutSchemaAsync(string tenantId, string urn, string body) =>
        SendAsync(HttpMethod.Put, $"/admin/tenants/{tenantId}/schemas/{urn}", body);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? body = null)
    {
        using var admin = host.CreateAdminClient();
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        var response = await admin.SendAsync(request);
        await response.Content.LoadIntoBufferAsync();
        return response;
    }
}
