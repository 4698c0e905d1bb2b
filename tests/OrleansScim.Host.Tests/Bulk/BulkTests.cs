using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;
using static OrleansScim.Host.Tests.Bulk.BulkRequests;

namespace OrleansScim.Host.Tests.Bulk;

/// <summary>RFC 7644 §3.7 <c>POST /Bulk</c>.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class BulkTests(ScimHostFactory host)
{
    [Fact]
    public async Task Bulk_RFC7644Section3_7_CreatesAUserAndAGroupThatNamesItByBulkId()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, Request([
            NewUser("qwerty", "alice@bulk.example"),
            Operation("POST", "/Groups", """{ "displayName": "Tour Guides", "members": [{ "type": "User", "value": "bulkId:qwerty" }] }""", "ytrewq"),
        ]));

        var operations = Operations(reply);
        Assert.Equal(2, operations.Count);
        JsonAssert.Contains("""{ "method": "POST", "bulkId": "qwerty", "status": "201" }""", operations[0]);
        JsonAssert.Contains("""{ "method": "POST", "bulkId": "ytrewq", "status": "201" }""", operations[1]);
        var userId = operations[0]["response"]!["id"]!.GetValue<string>();
        var groupId = operations[1]["response"]!["id"]!.GetValue<string>();
        Assert.Equal($"{tenant.BaseUrl}/Users/{userId}", operations[0]["location"]!.GetValue<string>());
        Assert.Equal($"{tenant.BaseUrl}/Groups/{groupId}", operations[1]["location"]!.GetValue<string>());
        Assert.StartsWith("W/\"", operations[0]["version"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal([userId], await tenant.MemberIdsAsync(groupId));
        await tenant.WaitForGroupsAsync(userId, groupId);
    }

    [Fact]
    public async Task Bulk_RFC7644Section3_7_PatchPutAndDeleteRunInOrder_StatusesAreStrings()
    {
        var tenant = await host.CreateTenantAsync("bulk");
        var bob = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "bob@bulk.example" }""");
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ops" }""");

        var reply = await BulkAsync(tenant, Request([
            Operation("PATCH", $"/Users/{bob}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "replace", "path": "displayName", "value": "Bob" }] }""", version: "W/\"1\""),
            NewUser("carol", "carol@bulk.example"),
            Operation("PATCH", $"/Groups/{group}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "add", "path": "members", "value": [{ "value": "{{bob}}" }, { "value": "bulkId:carol" }] }] }"""),
            Operation("PUT", "/Users/bulkId:carol", """{ "userName": "carol@bulk.example", "title": "Lead" }"""),
            Operation("DELETE", $"/Users/{bob}"),
        ]));

        var operations = Operations(reply);
        Assert.Equal(["200", "201", "204", "200", "204"], operations.Select(o => o["status"]!.GetValue<string>()));
        Assert.All(operations, o => Assert.Equal(JsonValueKind.String, o["status"]!.GetValueKind()));
        Assert.Equal("Bob", operations[0]["response"]!["displayName"]!.GetValue<string>());
        var carol = operations[1]["response"]!["id"]!.GetValue<string>();
        Assert.Equal($"{tenant.BaseUrl}/Users/{carol}", operations[3]["location"]!.GetValue<string>());
        Assert.Equal($"{tenant.BaseUrl}/Users/{bob}", operations[4]["location"]!.GetValue<string>());
        Assert.Equal("Lead", (await tenant.GetResourceAsync("Users", carol))["title"]!.GetValue<string>());
        (await tenant.GetAsync($"/Users/{bob}")).AssertStatus(HttpStatusCode.NotFound);
        await Eventually.UntilAsync(() => tenant.MemberIdsAsync(group), m => m.SequenceEqual([carol]), "the deleted user left the group");
    }

    [Fact]
    public async Task Bulk_RFC7644Section3_7_FailOnErrors_StopsAfterThatManyErrors()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, Request([
            Operation("POST", "/Users", """{ "displayName": "no userName" }""", "a"),
            NewUser("b", "fine@bulk.example"),
            Operation("POST", "/Users", """{ "title": "no userName either" }""", "c"),
            NewUser("d", "never@bulk.example"),
        ], failOnErrors: 2));

        var operations = Operations(reply);
        Assert.Equal(["400", "201", "400"], operations.Select(o => o["status"]!.GetValue<string>()));
        JsonAssert.Contains("""{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:Error"], "status": "400", "scimType": "invalidValue" }""", operations[0]["response"]);
        Assert.Null(operations[0]["location"]);
        await tenant.AssertNoMatchAsync("Users", "userName eq \"never@bulk.example\"");
    }

    [Fact]
    public async Task Bulk_WithoutFailOnErrors_RunsEveryOperation()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, Request([
            Operation("POST", "/Users", """{ "displayName": "no userName" }""", "a"),
            Operation("DELETE", "/Users/does-not-exist"),
            NewUser("c", "last@bulk.example"),
        ]));

        Assert.Equal(["400", "404", "201"], Operations(reply).Select(o => o["status"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("an unknown bulkId", "bulkId:nobody")]
    [InlineData("a bulkId a later operation creates", "bulkId:later")]
    [InlineData("a bulkId whose POST failed", "bulkId:failed")]
    public async Task Bulk_RFC7644Section3_7_3_AnUnresolvedBulkIdReference_Fails409InvalidValue(string rule, string reference)
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, Request([
            Operation("POST", "/Users", """{ "displayName": "no userName" }""", "failed"),
            Operation("POST", "/Groups", $$"""{ "displayName": "G", "members": [{ "value": "{{reference}}" }] }""", "group"),
            NewUser("later", "later@bulk.example"),
            Operation("PATCH", "/Groups/bulkId:group", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "add", "path": "members", "value": [{ "value": "bulkId:later" }] }] }"""),
        ]));

        var operations = Operations(reply);
        Assert.True(operations[1]["status"]!.GetValue<string>() == "409", $"{rule}: {operations[1]}");
        JsonAssert.Contains("""{ "status": "409", "scimType": "invalidValue" }""", operations[1]["response"]);
        Assert.Equal("201", operations[2]["status"]!.GetValue<string>());
        // The group was never created, so a path naming it is unresolved too.
        Assert.Equal("409", operations[3]["status"]!.GetValue<string>());
        await tenant.AssertNoMatchAsync("Groups", "displayName eq \"G\"");
    }

    [Fact]
    public async Task Bulk_RFC7644Section3_7_AVersionThatDoesNotMatch_Fails412InThatOperationOnly()
    {
        var tenant = await host.CreateTenantAsync("bulk");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "versioned@bulk.example" }""");

        var reply = await BulkAsync(tenant, Request([
            Operation("PUT", $"/Users/{id}", """{ "userName": "versioned@bulk.example", "title": "Stale" }""", version: "W/\"7\""),
            Operation("PUT", $"/Users/{id}", """{ "userName": "versioned@bulk.example", "title": "Fresh" }""", version: "W/\"1\""),
        ]));

        var operations = Operations(reply);
        Assert.Equal(["412", "200"], operations.Select(o => o["status"]!.GetValue<string>()));
        Assert.Equal("W/\"2\"", operations[1]["version"]!.GetValue<string>());
        Assert.Equal("Fresh", (await tenant.GetResourceAsync("Users", id))["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("RFC 7644 §3.7 an unknown method", """{ "method": "GET", "path": "/Users/x" }""", "400", "invalidValue")]
    [InlineData("RFC 7644 §3.7 POST needs a bulkId", """{ "method": "POST", "path": "/Users", "data": { "userName": "x" } }""", "400", "invalidSyntax")]
    [InlineData("RFC 7644 §3.7 POST/PUT/PATCH need data", """{ "method": "PUT", "path": "/Users/x" }""", "400", "invalidSyntax")]
    [InlineData("RFC 7644 §3.7 an operation needs a path", """{ "method": "DELETE" }""", "400", "invalidSyntax")]
    [InlineData("a path outside /Users and /Groups", """{ "method": "DELETE", "path": "/Widgets/1" }""", "404", null)]
    [InlineData("POST addresses the endpoint, not an id", """{ "method": "POST", "path": "/Users/x", "bulkId": "b", "data": { "userName": "x" } }""", "400", "invalidSyntax")]
    [InlineData("DELETE names one resource", """{ "method": "DELETE", "path": "/Groups" }""", "400", "invalidSyntax")]
    [InlineData("an operation is an object", "\"DELETE /Users/x\"", "400", "invalidSyntax")]
    public async Task Bulk_AMalformedOperation_FailsOnItsOwn(string rule, string operation, string status, string? scimType)
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, $$"""{ "schemas": ["{{BulkRequest}}"], "Operations": [{{operation}}, { "method": "POST", "path": "/Users", "bulkId": "ok", "data": { "userName": "ok@bulk.example" } }] }""");

        var operations = Operations(reply);
        Assert.True(operations[0]["status"]!.GetValue<string>() == status, $"{rule}: {operations[0]}");
        Assert.Equal(scimType, operations[0]["response"]!["scimType"]?.GetValue<string>());
        Assert.Equal("201", operations[1]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Bulk_ADuplicateBulkId_FailsTheLaterOperation()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await BulkAsync(tenant, Request([NewUser("same", "one@bulk.example"), NewUser("same", "two@bulk.example")]));

        Assert.Equal(["201", "400"], Operations(reply).Select(o => o["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Bulk_RFC7644Section3_7_4_MoreOperationsThanMaxOperations_Is413TooMany()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await tenant.PostAsync("/Bulk", Request(Enumerable.Range(0, 1001).Select(i => Operation("DELETE", $"/Users/u{i}"))));

        reply.AssertScimError(HttpStatusCode.RequestEntityTooLarge, "tooMany");
        Assert.Contains("1000", reply.Json["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bulk_RFC7644Section3_7_4_ABodyOverMaxPayloadSize_Is413()
    {
        var tenant = await host.CreateTenantAsync("bulk");
        var padding = new string('x', 1024 * 1024);

        var reply = await tenant.PostAsync("/Bulk", Request([Operation("POST", "/Users", $$"""{ "userName": "big", "title": "{{padding}}" }""", "big")]));

        reply.AssertScimError(HttpStatusCode.RequestEntityTooLarge, null);
        await tenant.AssertNoMatchAsync("Users", "userName eq \"big\"");
    }

    [Theory]
    [InlineData("not the BulkRequest schema", """{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [] }""", "invalidSyntax")]
    [InlineData("no Operations", """{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"] }""", "invalidSyntax")]
    [InlineData("failOnErrors below 1", """{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:BulkRequest"], "failOnErrors": 0, "Operations": [] }""", "invalidValue")]
    [InlineData("not JSON", "{ nope", "invalidSyntax")]
    public async Task Bulk_AMalformedRequest_Is400(string rule, string body, string scimType)
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = await tenant.PostAsync("/Bulk", body);

        Assert.True(reply.Status == HttpStatusCode.BadRequest, rule);
        reply.AssertScimError(HttpStatusCode.BadRequest, scimType);
    }

    [Fact]
    public async Task Bulk_OnTheImplicitTenantBaseUrl_WorksTheSame()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = (await tenant.SendAsync(HttpMethod.Post, "/Bulk", Request([NewUser("u", "implicit@bulk.example")]), absoluteBase: "http://localhost/scim/v2"))
            .AssertStatus(HttpStatusCode.OK);

        Assert.StartsWith("http://localhost/scim/v2/Users/", Operations(reply)[0]["location"]!.GetValue<string>(), StringComparison.Ordinal);
        await tenant.FindOneAsync("Users", "userName eq \"implicit@bulk.example\"");
    }

    [Fact]
    public async Task ServiceProviderConfig_RFC7643Section5_AdvertisesBulkWithItsLimits()
    {
        var tenant = await host.CreateTenantAsync("bulk");

        var reply = (await tenant.GetAsync("/ServiceProviderConfig")).AssertStatus(HttpStatusCode.OK);

        JsonAssert.Contains("""{ "bulk": { "supported": true, "maxOperations": 1000, "maxPayloadSize": 1048576 } }""", reply.Json);
    }

    private static async Task<ScimReply> BulkAsync(TenantClient tenant, string body)
    {
        var reply = (await tenant.PostAsync("/Bulk", body)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(TenantClient.ScimMediaType, reply.ContentType);
        Assert.Equal(BulkResponse, reply.Json["schemas"]![0]!.GetValue<string>());
        return reply;
    }

    private static List<JsonObject> Operations(ScimReply reply) => [.. reply.Json["Operations"]!.AsArray().Cast<JsonObject>()];
}
