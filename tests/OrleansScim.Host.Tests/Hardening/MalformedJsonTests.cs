using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansScim.Host.Tests.Bulk;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Bodies System.Text.Json reads but cannot materialise (an escape that decodes to an unpaired UTF-16
/// surrogate) and bodies that name one attribute twice: 400 invalidSyntax everywhere, nothing changed,
/// no 500 and no stack trace in the log. In a Bulk request only the operation concerned fails.
/// </summary>
public sealed class MalformedJsonTests(LogCapturingHostFactory host) : IClassFixture<LogCapturingHostFactory>
{
    private const string Surrogate = "\\ud800";

    [Theory]
    [InlineData($$"""{ "schemas": ["{{Schemas.User}}"], "userName": "sur{{Surrogate}}" }""")]
    [InlineData($$"""{ "schemas": ["{{Schemas.User}}"], "userName": "ok", "name": { "given{{Surrogate}}Name": "x" } }""")]
    [InlineData($$"""{ "schemas": ["{{Schemas.User}}"], "userName": "ok", "emails": [{ "value": "a@b.example" }, { "value": "\udc00" }] }""")]
    [InlineData($$"""{ "schemas": ["{{Schemas.User}}"], "userName": "ok", "{{Schemas.GroupTalkUser}}": { "label1": "x{{Surrogate}}" } }""")]
    public async Task Post_AnUnpairedSurrogateEscape_Is400InvalidSyntax_AndCreatesNothing(string body)
    {
        var tenant = await host.CreateTenantAsync("sur");

        (await tenant.PostAsync("/Users", body)).AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");

        Assert.Equal(0, (await tenant.GetAsync("/Users")).AssertListResponse().TotalResults);
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task PatchAndPut_AnUnpairedSurrogateEscape_Is400InvalidSyntax_AndChangesNothing()
    {
        var tenant = await host.CreateTenantAsync("sur");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "kept@contoso.example" }""");
        var before = await tenant.GetResourceAsync("Users", id);

        var patch = await tenant.PatchAsync($"/Users/{id}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "replace", "path": "title", "value": "t{{Surrogate}}" }] }""");
        var patchPath = await tenant.PatchAsync($"/Users/{id}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": [{ "op": "replace", "path": "ti{{Surrogate}}tle", "value": "t" }] }""");
        var put = await tenant.PutAsync($"/Users/{id}", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "kept@contoso.example", "title": "{{Surrogate}}" }""");

        patch.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        patchPath.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        put.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Search_AnUnpairedSurrogateInTheFilter_Is400()
    {
        var tenant = await host.CreateTenantAsync("sur");

        var body = await tenant.PostAsync("/Users/.search", $$"""{ "schemas": ["{{Schemas.SearchRequest}}"], "filter": "userName eq \"{{Surrogate}}\"" }""");
        var root = await tenant.PostAsync("/.search", $$"""{ "schemas": ["{{Schemas.SearchRequest}}"], "filter": "userName eq \"x\"", "sortOrder": "{{Surrogate}}" }""");
        var query = await tenant.FilterAsync("Users", "userName eq \"\\ud800\"");

        body.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        root.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        query.AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task Bulk_OnlyTheOperationWithAnUnpairedSurrogate_Fails_TheOthersRun()
    {
        var tenant = await host.CreateTenantAsync("sur");
        var request = $$"""
            { "schemas": ["{{BulkRequests.BulkRequest}}"], "Operations": [
              { "method": "POST", "path": "/Users", "bulkId": "a", "data": { "userName": "first@contoso.example" } },
              { "method": "POST", "path": "/Users", "bulkId": "b", "data": { "userName": "bad{{Surrogate}}" } },
              { "method": "POST", "path": "/Users", "bulkId": "c", "data": { "userName": "third@contoso.example", "title": "x", "TITLE": "y" } },
              { "method": "POST", "path": "/Users", "bulkId": "d", "data": { "userName": "fourth@contoso.example" } }
            ] }
            """;

        var reply = (await tenant.PostAsync("/Bulk", request)).AssertStatus(HttpStatusCode.OK);

        var statuses = reply.Json["Operations"]!.AsArray().Select(o => o!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(["201", "400", "400", "201"], statuses);
        Assert.Equal("invalidSyntax", reply.Json["Operations"]![1]!["response"]!["scimType"]!.GetValue<string>());
        Assert.Equal(2, (await tenant.GetAsync("/Users")).AssertListResponse().TotalResults);
        AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData($$"""{ "schemas": ["{{BulkRequests.BulkRequest}}", "x{{Surrogate}}"], "Operations": [] }""")]
    [InlineData($$"""{ "schemas": ["{{BulkRequests.BulkRequest}}"], "failOnErrors": 1, "x": [{ "y": "{{Surrogate}}" }], "Operations": [] }""")]
    public async Task Bulk_AnUnpairedSurrogateOutsideTheOperations_Is400ForTheWholeRequest(string request)
    {
        var tenant = await host.CreateTenantAsync("sur");

        (await tenant.PostAsync("/Bulk", request)).AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");

        AssertNoErrorsLogged();
    }

    [Fact]
    public async Task AdminSchemaPut_AnUnpairedSurrogate_Is400()
    {
        var tenant = await host.CreateTenantAsync("sur");
        using var admin = host.CreateAdminClient();

        using var response = await admin.PutAsync(
            $"/admin/tenants/{tenant.TenantId}/schemas/urn:acme:params:scim:schemas:x:1.0:User",
            new StringContent($$"""{ "resourceType": "User", "attributes": [{ "name": "x", "description": "{{Surrogate}}" }] }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNoErrorsLogged();
    }

    [Theory]
    [InlineData("""{ "userName": "a", "USERNAME": "b" }""")]
    [InlineData("""{ "userName": "a", "name": { "givenName": "A", "GivenName": "B" } }""")]
    [InlineData($$"""{ "userName": "a", "urn:ietf:params:scim:schemas:core:2.0:User:userName": "b" }""")]
    [InlineData($$"""{ "userName": "a", "department": "A", "{{Schemas.Enterprise}}": { "department": "B" } }""")]
    public async Task Post_OneAttributeUnderTwoNames_Is400InvalidSyntax_InBothPolicies(string body)
    {
        foreach (var tenant in new[] { await host.CreateTenantAsync("dup"), await host.CreateStrictTenantAsync("dup") })
        {
            (await tenant.PostAsync("/Users", body)).AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
            Assert.Equal(0, (await tenant.GetAsync("/Users")).AssertListResponse().TotalResults);
        }
    }

    [Theory]
    [InlineData("""[{ "op": "replace", "value": { "title": "A", "Title": "B" } }]""")]
    [InlineData("""[{ "op": "replace", "value": { "department": "A", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department": "B" } }]""")]
    [InlineData("""[{ "op": "replace", "path": "name", "value": { "givenName": "A", "GIVENNAME": "B" } }]""")]
    public async Task Patch_AValueNamingOneAttributeTwice_Is400InvalidSyntax_AndChangesNothing(string operations)
    {
        var tenant = await host.CreateTenantAsync("dup");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "dup@contoso.example" }""");
        var before = await tenant.GetResourceAsync("Users", id);

        var reply = await tenant.PatchAsync($"/Users/{id}", $$"""{ "schemas": ["{{Schemas.PatchOp}}"], "Operations": {{operations}} }""");

        reply.AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
    }

    private void AssertNoErrorsLogged() =>
        Assert.DoesNotContain(host.Log, line => line.Level >= LogLevel.Error);
}
