using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>Issuing a second token and revoking the first: both work in between, revocation is immediate.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class TokenRotationTests(ScimHostFactory host)
{
    [Fact]
    public async Task Rotation_BothTokensWorkUntilTheFirstIsRevoked()
    {
        var tenant = await host.CreateTenantAsync("rotate");
        using var admin = host.CreateAdminClient();
        var user = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "rotating" }""");

        var issued = await admin.PostAsync($"/admin/tenants/{tenant.TenantId}/tokens", null);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var second = (await issued.Content.ReadFromJsonAsync<JsonObject>())!;
        var secondToken = second["token"]!.GetValue<string>();
        var secondId = second["tokenId"]!.GetValue<string>();
        Assert.NotEqual(tenant.TokenId, secondId);
        Assert.True(secondToken.Length >= 43);

        await tenant.GetResourceAsync("Users", user);
        (await tenant.SendAsync(HttpMethod.Get, $"/Users/{user}", token: secondToken)).AssertStatus(HttpStatusCode.OK);
        var tokens = (await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenant.TenantId}"))!["tokens"]!.AsArray();
        Assert.Equal(2, tokens.Count);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/tokens/{tenant.TokenId}")).StatusCode);

        (await tenant.GetAsync($"/Users/{user}")).AssertScimError(HttpStatusCode.Unauthorized, null);
        (await tenant.SendAsync(HttpMethod.Get, $"/Users/{user}", token: secondToken)).AssertStatus(HttpStatusCode.OK);
        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: secondToken, absoluteBase: "http://localhost/scim/v2")).AssertListResponse();
        var remaining = (await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenant.TenantId}"))!["tokens"]!.AsArray();
        Assert.Equal(secondId, Assert.Single(remaining)!["tokenId"]!.GetValue<string>());
    }

    [Fact]
    public async Task RevokeUnknownToken_Returns404()
    {
        var tenant = await host.CreateTenantAsync("rotate");
        using var admin = host.CreateAdminClient();

        var response = await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/tokens/0123456789abcdef01234567");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await tenant.GetAsync("/Users")).AssertListResponse();
    }

    [Fact]
    public async Task RevokeAnotherTenantsToken_Returns404AndTheTokenKeepsWorking()
    {
        var a = await host.CreateTenantAsync("rotate-a");
        var b = await host.CreateTenantAsync("rotate-b");
        using var admin = host.CreateAdminClient();

        var response = await admin.DeleteAsync($"/admin/tenants/{a.TenantId}/tokens/{b.TokenId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        (await b.GetAsync("/Users")).AssertListResponse();
    }

    [Fact]
    public async Task RevokeTwice_SecondTimeReturns404()
    {
        var tenant = await host.CreateTenantAsync("rotate");
        using var admin = host.CreateAdminClient();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/tokens/{tenant.TokenId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/tokens/{tenant.TokenId}")).StatusCode);
    }
}
