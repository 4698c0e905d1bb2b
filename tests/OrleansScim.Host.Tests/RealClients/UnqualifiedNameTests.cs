using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.RealClients;

/// <summary>
/// Entra's documented request shapes name extension attributes without their URN (<c>"path":"manager"</c>).
/// A name the core schema lacks means the extension attribute of that name: the enterprise extension first,
/// then the tenant's registered extensions. Not leniency, so under both input policies.
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class UnqualifiedNameTests(ScimHostFactory host)
{
    private const string Badge = "urn:acme:params:scim:schemas:badge:1.0:User";
    private const string Radio = "urn:acme:params:scim:schemas:radio:1.0:User";

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task Patch_EntraDocumentedManagerUpdate_SetsTheEnterpriseManager(string policy)
    {
        var tenant = await TenantAsync(policy);
        var manager = await CreateUserAsync(tenant, "boss@contoso.example");
        var user = await CreateUserAsync(tenant, "emp@contoso.example");
        var body = AzureAdRequests.PatchOp([AzureAdRequests.Operation("Add", "manager", new JsonArray(new JsonObject { ["$ref"] = $"{tenant.BaseUrl}/Users/{manager}", ["value"] = manager }))]);

        var reply = (await tenant.PatchAsync($"/Users/{user}", body)).AssertStatus(HttpStatusCode.OK);

        JsonAssert.Contains($$"""{ "{{Schemas.Enterprise}}": { "manager": { "value": "{{manager}}", "$ref": "{{tenant.BaseUrl}}/Users/{{manager}}" } } }""", reply.Json);
        Assert.Contains(Schemas.Enterprise, reply.Json["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Equal(user, (await tenant.FindOneAsync("Users", $"manager eq \"{manager}\""))["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task Patch_PathlessReplaceWithUnqualifiedKeys_SetsEnterpriseAttributes(string policy)
    {
        var tenant = await TenantAsync(policy);
        var user = await CreateUserAsync(tenant, "keys@contoso.example");
        var body = AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", null, JsonNode.Parse("""
            { "employeeNumber": "701", "department": "Sales", "costCenter": "CC-9", "organization": "Contoso", "division": "West" }
            """))]);

        (await tenant.PatchAsync($"/Users/{user}", body)).AssertStatus(HttpStatusCode.OK);

        var stored = await tenant.GetResourceAsync("Users", user);
        JsonAssert.Contains($$"""
            { "{{Schemas.Enterprise}}": { "employeeNumber": "701", "department": "Sales", "costCenter": "CC-9", "organization": "Contoso", "division": "West" } }
            """, stored);
        Assert.Equal(user, (await tenant.FindOneAsync("Users", "employeeNumber eq \"701\""))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_UnqualifiedEnterpriseKeys_AreStoredUnderTheExtension()
    {
        var tenant = await host.CreateStrictTenantAsync("unq");

        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "post@contoso.example", "department": "Ops", "employeeNumber": "9" }""");

        JsonAssert.Contains($$"""{ "{{Schemas.Enterprise}}": { "department": "Ops", "employeeNumber": "9" } }""", await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task SortByAndAttributes_TakeUnqualifiedNames()
    {
        var tenant = await host.CreateTenantAsync("unq");
        var b = await CreateUserAsync(tenant, "b@contoso.example", """, "department": "B-dept" """);
        var a = await CreateUserAsync(tenant, "a@contoso.example", """, "department": "A-dept", "manager": { "value": "m1" } """);

        var sorted = (await tenant.GetAsync("/Users?sortBy=department&attributes=department")).AssertListResponse();
        var excluded = await tenant.GetResourceAsync("Users", a, "excludedAttributes=department");
        var included = await tenant.GetResourceAsync("Users", a, "attributes=manager");

        Assert.Equal([a, b], sorted.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.Equal("A-dept", sorted.Resources[0][Schemas.Enterprise]!["department"]!.GetValue<string>());
        Assert.Null(sorted.Resources[0]["userName"]);
        Assert.Null(excluded[Schemas.Enterprise]!["department"]);
        Assert.Equal("m1", excluded[Schemas.Enterprise]!["manager"]!["value"]!.GetValue<string>());
        JsonAssert.Equal(JsonNode.Parse($$"""{ "manager": { "value": "m1" } }"""), included[Schemas.Enterprise]);
        Assert.Null(included["userName"]);
    }

    [Fact]
    public async Task RegisteredExtension_AnUnqualifiedNameMeansIt_AndTwoExtensionsDefiningOneNameAre400NamingBoth()
    {
        var tenant = await host.CreateTenantAsync("unq");
        var badge = await PutSchemaAsync(tenant, Badge, """{ "resourceType": "User", "attributes": [{ "name": "badgeNumber" }, { "name": "channel" }, { "name": "department" }] }""");
        await PutSchemaAsync(tenant, Radio, """{ "resourceType": "User", "attributes": [{ "name": "channel" }] }""");
        var user = await CreateUserAsync(tenant, "reg@contoso.example");

        (await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "badgeNumber", "B-7")]))).AssertStatus(HttpStatusCode.OK);
        var ambiguousPath = await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "channel", "9")]));
        var ambiguousFilter = await tenant.FilterAsync("Users", "channel eq \"9\"");

        JsonAssert.Contains($$"""{ "{{Badge}}": { "badgeNumber": "B-7" } }""", await tenant.GetResourceAsync("Users", user));
        Assert.Contains(Badge, (await tenant.GetResourceAsync("Users", user))["schemas"]!.AsArray().Select(s => s!.GetValue<string>()));
        ambiguousPath.AssertScimError(HttpStatusCode.BadRequest, "invalidPath");
        ambiguousFilter.AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
        foreach (var detail in new[] { ambiguousPath.Json["detail"]!.GetValue<string>(), ambiguousFilter.Json["detail"]!.GetValue<string>() })
        {
            Assert.Contains(Badge, detail, StringComparison.Ordinal);
            Assert.Contains(Radio, detail, StringComparison.Ordinal);
        }

        // The enterprise name the badge schema shadows keeps its meaning, and the registration said so.
        JsonAssert.Contains($$"""{ "shadowedNames": [{ "name": "department", "resolvesTo": "{{Schemas.Enterprise}}" }] }""", badge);
        (await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "department", "Sales")]))).AssertStatus(HttpStatusCode.OK);
        JsonAssert.Contains($$"""{ "{{Schemas.Enterprise}}": { "department": "Sales" } }""", await tenant.GetResourceAsync("Users", user));
    }

    [Fact]
    public async Task RegisteringASecondExtensionWithAName_SaysTheNameIsAmbiguous()
    {
        var tenant = await host.CreateTenantAsync("unq");
        await PutSchemaAsync(tenant, Badge, """{ "resourceType": "User", "attributes": [{ "name": "channel" }] }""");

        var radio = await PutSchemaAsync(tenant, Radio, """{ "resourceType": "User", "attributes": [{ "name": "channel" }, { "name": "title" }] }""");

        JsonAssert.Contains($$"""{ "ambiguousNames": [{ "name": "channel", "definedBy": ["{{Badge}}", "{{Radio}}"] }] }""", radio);
        JsonAssert.Contains($$"""{ "shadowedNames": [{ "name": "title", "resolvesTo": "{{Schemas.User}}" }] }""", radio);
    }

    private Task<TenantClient> TenantAsync(string policy) =>
        policy == "strict" ? host.CreateStrictTenantAsync("unq") : host.CreateTenantAsync("unq");

    private static Task<string> CreateUserAsync(TenantClient tenant, string userName, string extra = "") =>
        tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "{{userName}}"{{extra}} }""");

    private async Task<JsonObject> PutSchemaAsync(TenantClient tenant, string urn, string body)
    {
        using var admin = host.CreateAdminClient();
        using var response = await admin.PutAsync($"/admin/tenants/{tenant.TenantId}/schemas/{urn}", new StringContent(body, Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
