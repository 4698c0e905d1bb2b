using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>RFC 7644 §4 discovery describes what the service really does.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class DiscoveryTests(ScimHostFactory host)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ServiceProviderConfig_AdvertisesWhatIsSupported(bool implicitBase)
    {
        var tenant = await host.CreateTenantAsync("disc");
        var baseUrl = implicitBase ? "http://localhost/scim/v2" : tenant.BaseUrl;

        var reply = (await tenant.SendAsync(HttpMethod.Get, "/ServiceProviderConfig", absoluteBase: baseUrl)).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(TenantClient.ScimMediaType, reply.ContentType);
        JsonAssert.Contains($$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig"],
              "patch": { "supported": true },
              "etag": { "supported": true },
              "filter": { "supported": true, "maxResults": 1000 },
              "bulk": { "supported": true, "maxOperations": 1000, "maxPayloadSize": 1048576 },
              "sort": { "supported": true },
              "changePassword": { "supported": true },
              "authenticationSchemes": [{ "type": "oauthbearertoken", "primary": true }],
              "meta": { "resourceType": "ServiceProviderConfig", "location": "{{baseUrl}}/ServiceProviderConfig" }
            }
            """, reply.Json);
    }

    [Fact]
    public async Task Bulk_IsServed_AnEmptyBulkRequestGetsAnEmptyBulkResponse()
    {
        var tenant = await host.CreateTenantAsync("disc");

        var reply = (await tenant.PostAsync("/Bulk", """{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "Operations": [] }""")).AssertStatus(HttpStatusCode.OK);

        JsonAssert.Contains("""{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkResponse"], "Operations": [] }""", reply.Json);
    }

    [Fact]
    public async Task ChangePassword_AsAdvertised_PatchSetsAPasswordThatIsNeverReturned()
    {
        var tenant = await host.CreateTenantAsync("disc");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "pw.user", "password": "Initial#Secret1" }""");

        var reply = await tenant.PatchOkAsync("Users", id, AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "password", "Changed#Secret2")]), HttpStatusCode.OK);

        Assert.Null(reply.Json["password"]);
        var stored = await tenant.GetResourceAsync("Users", id);
        Assert.Null(stored["password"]);
        Assert.DoesNotContain("Secret", stored.ToJsonString(), StringComparison.Ordinal);
        Assert.Null((await tenant.GetResourceAsync("Users", id, "attributes=password"))["password"]);
    }

    [Fact]
    public async Task Schemas_ListUserGroupAndEnterpriseUserWithAttributeCharacteristics()
    {
        var tenant = await host.CreateTenantAsync("disc");

        var reply = (await tenant.GetAsync("/Schemas")).AssertListResponse();

        var schemas = reply.Resources.ToDictionary(s => s["id"]!.GetValue<string>());
        Assert.Equal(reply.TotalResults, schemas.Count);
        Assert.Contains(Schemas.User, schemas.Keys);
        Assert.Contains(Schemas.Group, schemas.Keys);
        Assert.Contains(Schemas.Enterprise, schemas.Keys);
        var user = schemas[Schemas.User];
        JsonAssert.Contains("""{ "name": "userName", "type": "string", "multiValued": false, "required": true, "caseExact": false, "mutability": "readWrite", "returned": "default", "uniqueness": "server" }""", Attribute(user, "userName"));
        JsonAssert.Contains("""{ "name": "active", "type": "boolean" }""", Attribute(user, "active"));
        JsonAssert.Contains("""{ "name": "password", "mutability": "writeOnly", "returned": "never" }""", Attribute(user, "password"));
        JsonAssert.Contains("""{ "name": "groups", "type": "complex", "multiValued": true, "mutability": "readOnly" }""", Attribute(user, "groups"));
        var emails = Attribute(user, "emails");
        JsonAssert.Contains("""{ "multiValued": true, "type": "complex" }""", emails);
        var emailType = emails["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "type")!;
        Assert.Equal(["work", "home", "other"], emailType["canonicalValues"]!.AsArray().Select(v => v!.GetValue<string>()));
        JsonAssert.Contains("""{ "name": "givenName", "type": "string" }""", Attribute(user, "name")["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "givenName")!);
        var members = Attribute(schemas[Schemas.Group], "members");
        JsonAssert.Contains("""{ "name": "value", "mutability": "immutable" }""", members["subAttributes"]!.AsArray().Single(s => s!["name"]!.GetValue<string>() == "value")!);
        JsonAssert.Contains("""{ "name": "displayName", "required": true }""", Attribute(schemas[Schemas.Group], "displayName"));
        var manager = Attribute(schemas[Schemas.Enterprise], "manager");
        JsonAssert.Contains("""{ "type": "complex", "multiValued": false }""", manager);
        foreach (var name in new[] { "employeeNumber", "costCenter", "organization", "division", "department" })
        {
            JsonAssert.Contains($$"""{ "name": "{{name}}", "type": "string" }""", Attribute(schemas[Schemas.Enterprise], name));
        }

        Assert.Equal($"{tenant.BaseUrl}/Schemas/{Schemas.User}", user["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task Schema_ById_ReturnsOneSchemaOr404()
    {
        var tenant = await host.CreateTenantAsync("disc");

        var enterprise = (await tenant.GetAsync($"/Schemas/{Schemas.Enterprise}")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal(Schemas.Enterprise, enterprise.Json["id"]!.GetValue<string>());
        (await tenant.GetAsync("/Schemas/urn:nope")).AssertScimError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task ResourceTypes_ListUserWithEnterpriseExtensionAndGroup()
    {
        var tenant = await host.CreateTenantAsync("disc");

        var reply = (await tenant.GetAsync("/ResourceTypes")).AssertListResponse();

        var types = reply.Resources.ToDictionary(t => t["name"]!.GetValue<string>());
        Assert.Equal(2, reply.TotalResults);
        JsonAssert.Contains($$"""
            {
              "schemas": ["urn:ietf:params:scim:schemas:core:2.0:ResourceType"],
              "id": "User", "name": "User", "endpoint": "/Users", "schema": "{{Schemas.User}}",
              "schemaExtensions": [{ "schema": "{{Schemas.Enterprise}}", "required": false }],
              "meta": { "resourceType": "ResourceType", "location": "{{tenant.BaseUrl}}/ResourceTypes/User" }
            }
            """, types["User"]);
        JsonAssert.Contains($$"""{ "id": "Group", "endpoint": "/Groups", "schema": "{{Schemas.Group}}", "schemaExtensions": [] }""", types["Group"]);
        (await tenant.GetAsync("/ResourceTypes/Group")).AssertStatus(HttpStatusCode.OK);
        (await tenant.GetAsync("/ResourceTypes/Widget")).AssertScimError(HttpStatusCode.NotFound, null);
    }

    private static JsonNode Attribute(JsonObject schema, string name) =>
        schema["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == name)!;
}
