using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests;

[Collection(ScimHostCollection.Name)]
public sealed class AdminApiTests(ScimHostFactory host)
{
    [Fact]
    public async Task CreateTenant_ReturnsBaseUrlAndToken()
    {
        using var admin = host.CreateAdminClient();
        var tenantId = "create-" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal(tenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal($"http://localhost/tenants/{tenantId}/scim/v2", body["scimBaseUrl"]!.GetValue<string>());
        Assert.True(body["token"]!.GetValue<string>().Length >= 43);
    }

    [Theory]
    [InlineData("")]
    [InlineData("UPPER")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("trailing-newline\n")]
    [InlineData("dot.ted")]
    [InlineData("slash/ed")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234x")]
    public async Task CreateTenant_WithBadId_Returns400(string tenantId)
    {
        using var admin = host.CreateAdminClient();

        var response = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("{ \"tenantId\": 42 }")]
    public async Task CreateTenant_WithBadBody_Returns400(string body)
    {
        using var admin = host.CreateAdminClient();

        var response = await admin.PostAsync("/admin/tenants", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_WithMaximumLengthId_Succeeds()
    {
        using var admin = host.CreateAdminClient();
        var tenantId = ("max-" + Guid.NewGuid().ToString("N") + new string('x', 64))[..64];

        var response = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task CreateTenant_Twice_Returns409()
    {
        using var admin = host.CreateAdminClient();
        var tenantId = "twice-" + Guid.NewGuid().ToString("N")[..8];
        (await admin.PostAsJsonAsync("/admin/tenants", new { tenantId })).EnsureSuccessStatusCode();

        var again = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId });

        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task AdminApi_WithoutTheAdminKey_Returns401(string? key)
    {
        using var client = host.CreateClient();
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var response = await client.PostAsJsonAsync("/admin/tenants", new { tenantId = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
