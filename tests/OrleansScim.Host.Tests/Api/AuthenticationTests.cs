using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>Every SCIM request needs a live bearer token of the tenant; failures are SCIM 401 errors.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class AuthenticationTests(ScimHostFactory host)
{
    [Theory]
    [InlineData("/Users")]
    [InlineData("/Groups")]
    [InlineData("/ServiceProviderConfig")]
    [InlineData("/Schemas")]
    public async Task Request_WithoutToken_Returns401ScimError(string path)
    {
        var tenant = await host.CreateTenantAsync("auth");
        var request = new HttpRequestMessage(HttpMethod.Get, tenant.BaseUrl + path);

        var reply = await ScimReply.SendAsync(host.CreateClient(), request);

        reply.AssertScimError(HttpStatusCode.Unauthorized, null);
        Assert.StartsWith("Bearer", reply.Response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("0123456789abcdef01234567.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_WithUnknownToken_Returns401ScimError(string token)
    {
        var tenant = await host.CreateTenantAsync("auth");

        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: token)).AssertScimError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Request_WithRightTokenIdButWrongSecret_Returns401()
    {
        var tenant = await host.CreateTenantAsync("auth");
        var tokenId = tenant.Token[..tenant.Token.IndexOf('.', StringComparison.Ordinal)];

        var reply = await tenant.SendAsync(HttpMethod.Get, "/Users", token: tokenId + "." + new string('A', 43));

        reply.AssertScimError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Request_WithAdminKey_Returns401()
    {
        var tenant = await host.CreateTenantAsync("auth");

        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: ScimHostFactory.AdminKey)).AssertScimError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task Request_WithRevokedToken_Returns401AtOnce()
    {
        var tenant = await host.CreateTenantAsync("auth");
        (await tenant.GetAsync("/Users")).AssertListResponse();
        using var admin = host.CreateAdminClient();
        (await admin.PostAsync($"/admin/tenants/{tenant.TenantId}/tokens", null)).EnsureSuccessStatusCode();

        (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}/tokens/{tenant.TokenId}")).EnsureSuccessStatusCode();

        (await tenant.GetAsync("/Users")).AssertScimError(HttpStatusCode.Unauthorized, null);
        (await tenant.SendAsync(HttpMethod.Get, "/Users", absoluteBase: "http://localhost/scim/v2")).AssertScimError(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task AdminApi_WithTenantToken_Returns401()
    {
        var tenant = await host.CreateTenantAsync("auth");
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", tenant.Token);

        var response = await client.GetAsync($"/admin/tenants/{tenant.TenantId}");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
