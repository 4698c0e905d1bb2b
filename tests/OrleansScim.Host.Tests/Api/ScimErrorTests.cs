using System.Net;
using System.Net.Http.Headers;
using System.Text;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>Bad input gets the RFC 7644 §3.12 error body with the right status and scimType, and changes nothing.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class ScimErrorTests(ScimHostFactory host)
{
    private static readonly string ValidUser = $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "valid.user" }""";

    [Theory]
    [InlineData("/Users", "{ \"userName\": ")]
    [InlineData("/Users", "[1, 2]")]
    [InlineData("/Groups", "{ displayName: 'x' }")]
    [InlineData("/Users/.search", "{ \"filter\": ")]
    public async Task Post_MalformedJson_Returns400InvalidSyntax(string path, string body)
    {
        var tenant = await host.CreateTenantAsync("err-json");

        (await tenant.PostAsync(path, body)).AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");
    }

    [Fact]
    public async Task Patch_MalformedJson_Returns400InvalidSyntaxAndChangesNothing()
    {
        var tenant = await host.CreateTenantAsync("err-json");
        var id = await tenant.CreateAsync("Users", ValidUser);
        var before = await tenant.GetResourceAsync("Users", id);

        (await tenant.PatchAsync($"/Users/{id}", "{ \"Operations\": [ { \"op\": ")).AssertScimError(HttpStatusCode.BadRequest, "invalidSyntax");

        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
    }

    [Theory]
    [InlineData("userName eq")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("userName xx \"a\"")]
    [InlineData("(userName eq \"a\"")]
    [InlineData("emails[type eq \"work\".value eq \"a\"")]
    public async Task List_BadFilter_Returns400InvalidFilter(string filter)
    {
        var tenant = await host.CreateTenantAsync("err-filter");

        (await tenant.FilterAsync("Users", filter)).AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Fact]
    public async Task Search_BadFilter_Returns400InvalidFilter()
    {
        var tenant = await host.CreateTenantAsync("err-filter");

        var reply = await tenant.PostAsync("/Groups/.search", $$"""{ "schemas": ["{{Schemas.SearchRequest}}"], "filter": "displayName eq" }""");

        reply.AssertScimError(HttpStatusCode.BadRequest, "invalidFilter");
    }

    [Theory]
    [InlineData("noSuchAttribute")]
    [InlineData("name.noSuchPart")]
    [InlineData("emails[type eq \"work\"].noSuchPart")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:noSuchAttribute")]
    public async Task Patch_BadPath_Returns400InvalidPathAndChangesNothing_Strict(string path)
    {
        var tenant = await host.CreateStrictTenantAsync("err-path");
        var id = await tenant.CreateAsync("Users", ValidUser);
        var before = await tenant.GetResourceAsync("Users", id);
        var body = AzureAdRequests.PatchOp([
            AzureAdRequests.Operation("replace", "displayName", "Changed"),
            AzureAdRequests.Operation("replace", path, "x"),
        ]);

        (await tenant.PatchAsync($"/Users/{id}", body)).AssertScimError(HttpStatusCode.BadRequest, "invalidPath");

        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
    }

    [Theory]
    [InlineData("GET", "Users")]
    [InlineData("PUT", "Users")]
    [InlineData("PATCH", "Users")]
    [InlineData("DELETE", "Users")]
    [InlineData("GET", "Groups")]
    [InlineData("PATCH", "Groups")]
    [InlineData("DELETE", "Groups")]
    public async Task UnknownId_Returns404(string method, string endpoint)
    {
        var tenant = await host.CreateTenantAsync("err-404");
        var body = method switch
        {
            "PUT" => ValidUser,
            "PATCH" => AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "displayName", "x")]),
            _ => null,
        };

        var reply = await tenant.SendAsync(new HttpMethod(method), $"/{endpoint}/{Guid.NewGuid()}", body);

        reply.AssertScimError(HttpStatusCode.NotFound, null);
    }

    [Fact]
    public async Task Get_UserThroughGroupsEndpoint_Returns404()
    {
        var tenant = await host.CreateTenantAsync("err-404");
        var id = await tenant.CreateAsync("Users", ValidUser);

        (await tenant.GetAsync($"/Groups/{id}")).AssertScimError(HttpStatusCode.NotFound, null);
    }

    [Theory]
    [InlineData("{ \"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"displayName\": \"No Name\" }")]
    [InlineData("{ \"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": null }")]
    [InlineData("{ \"schemas\": [\"urn:ietf:params:scim:schemas:core:2.0:User\"], \"userName\": \"\" }")]
    public async Task Post_UserWithoutUserName_Returns400InvalidValue(string body)
    {
        var tenant = await host.CreateTenantAsync("err-value");

        (await tenant.PostAsync("/Users", body)).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Equal(0, (await tenant.GetAsync("/Users")).AssertListResponse().TotalResults);
    }

    [Fact]
    public async Task Post_GroupWithoutDisplayName_Returns400InvalidValue()
    {
        var tenant = await host.CreateTenantAsync("err-value");

        (await tenant.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "externalId": "x" }""")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task Patch_RemovingUserName_Returns400AndChangesNothing()
    {
        var tenant = await host.CreateTenantAsync("err-value");
        var id = await tenant.CreateAsync("Users", ValidUser);
        var before = await tenant.GetResourceAsync("Users", id);

        var reply = await tenant.PatchAsync($"/Users/{id}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", "userName", null)]));

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task Post_WrongTypeForBoolean_Returns400InvalidValue()
    {
        var tenant = await host.CreateTenantAsync("err-value");

        var reply = await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "typed", "active": "maybe" }""");

        reply.AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        await tenant.AssertNoMatchAsync("Users", "userName eq \"typed\"");
    }

    [Fact]
    public async Task Post_BodyOverOneMebibyte_Returns413()
    {
        var tenant = await host.CreateTenantAsync("err-size");
        var padding = new string('x', (1024 * 1024) + 1);

        var reply = await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "big", "title": "{{padding}}" }""");

        reply.AssertScimError(HttpStatusCode.RequestEntityTooLarge, null);
        await tenant.AssertNoMatchAsync("Users", "userName eq \"big\"");
    }

    [Fact]
    public async Task Post_StreamedBodyOverOneMebibyteWithoutLength_Returns413()
    {
        var tenant = await host.CreateTenantAsync("err-size");
        var bytes = Encoding.UTF8.GetBytes($$"""{ "schemas": ["{{Schemas.User}}"], "userName": "big", "title": "{{new string('x', 1024 * 1024)}}" }""");

        var reply = await tenant.SendAsync(HttpMethod.Post, "/Users", configure: request =>
        {
            request.Content = new StreamContent(new UnseekableStream(bytes));
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(TenantClient.ScimMediaType);
        });

        reply.AssertScimError(HttpStatusCode.RequestEntityTooLarge, null);
    }

    [Fact]
    public async Task Post_JustUnderTheLimit_IsAccepted()
    {
        var tenant = await host.CreateTenantAsync("err-size");
        var padding = new string('x', 1000 * 1000);

        var reply = await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "almost.big", "title": "{{padding}}" }""");

        reply.AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Post_WithApplicationJson_IsAcceptedAndAnsweredAsScimJson()
    {
        var tenant = await host.CreateTenantAsync("err-media");

        var reply = await tenant.SendAsync(HttpMethod.Post, "/Users", configure: request =>
            request.Content = new StringContent(ValidUser, Encoding.UTF8, "application/json"));

        reply.AssertStatus(HttpStatusCode.Created);
        Assert.Equal(TenantClient.ScimMediaType, reply.ContentType);
    }

    [Fact]
    public async Task Patch_WithApplicationJson_IsAccepted()
    {
        var tenant = await host.CreateTenantAsync("err-media");
        var id = await tenant.CreateAsync("Users", ValidUser);

        var reply = await tenant.SendAsync(HttpMethod.Patch, $"/Users/{id}", configure: request =>
            request.Content = new StringContent(AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "title", "Json")]), Encoding.UTF8, "application/json"));

        reply.AssertStatus(HttpStatusCode.OK);
        Assert.Equal("Json", reply.Json["title"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Post_NonJsonContentType_Returns415(string mediaType)
    {
        var tenant = await host.CreateTenantAsync("err-media");

        var reply = await tenant.SendAsync(HttpMethod.Post, "/Users", configure: request =>
            request.Content = new StringContent(ValidUser, Encoding.UTF8, mediaType));

        reply.AssertScimError(HttpStatusCode.UnsupportedMediaType, null);
        await tenant.AssertNoMatchAsync("Users", "userName eq \"valid.user\"");
    }

    /// <summary>A body whose length the client cannot know, so it is sent chunked without Content-Length.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
