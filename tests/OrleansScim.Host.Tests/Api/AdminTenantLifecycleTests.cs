using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>The admin API's view of a tenant (counts) and deleting a tenant with everything in it.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class AdminTenantLifecycleTests(ScimHostFactory host)
{
    [Fact]
    public async Task GetTenant_CountsUsersAndGroupsAsTheyChange()
    {
        var tenant = await host.CreateTenantAsync("admin-count");
        await AssertCountsAsync(tenant.TenantId, users: 0, groups: 0);

        var first = await tenant.CreateAsync("Users", User("one"));
        await tenant.CreateAsync("Users", User("two"));
        await tenant.CreateAsync("Users", User("three"));
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Counted", "members": [{ "value": "{{first}}" }] }""");
        await AssertCountsAsync(tenant.TenantId, users: 3, groups: 1);

        (await tenant.DeleteAsync($"/Users/{first}")).AssertStatus(HttpStatusCode.NoContent);
        (await tenant.DeleteAsync($"/Groups/{group}")).AssertStatus(HttpStatusCode.NoContent);
        await AssertCountsAsync(tenant.TenantId, users: 2, groups: 0);
    }

    [Fact]
    public async Task GetTenant_ListsTokensWithoutSecrets()
    {
        var tenant = await host.CreateTenantAsync("admin-get");
        using var admin = host.CreateAdminClient();

        var response = await admin.GetAsync($"/admin/tenants/{tenant.TenantId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        var body = JsonNode.Parse(text)!;
        Assert.Equal(tenant.TenantId, body["tenantId"]!.GetValue<string>());
        Assert.Equal(tenant.BaseUrl, body["scimBaseUrl"]!.GetValue<string>());
        Assert.Equal(tenant.TokenId, Assert.Single(body["tokens"]!.AsArray())!["tokenId"]!.GetValue<string>());
        Assert.DoesNotContain(tenant.Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(tenant.Token[(tenant.Token.IndexOf('.', StringComparison.Ordinal) + 1)..], text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetTenant_Unknown_Returns404()
    {
        using var admin = host.CreateAdminClient();

        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/tenants/no-such-tenant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.DeleteAsync("/admin/tenants/no-such-tenant")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/admin/tenants/no-such-tenant/tokens", null)).StatusCode);
    }

    [Fact]
    public async Task DeleteTenant_StopsItsTokenAtOnceAndARecreatedTenantIsEmpty()
    {
        var tenant = await host.CreateTenantAsync("admin-del");
        var user = await tenant.CreateAsync("Users", User("doomed"));
        await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Doomed", "members": [{ "value": "{{user}}" }] }""");
        using var admin = host.CreateAdminClient();

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/admin/tenants/{tenant.TenantId}")).StatusCode);

        (await tenant.GetAsync("/Users")).AssertScimError(HttpStatusCode.Unauthorized, null);
        (await tenant.SendAsync(HttpMethod.Get, "/Users", absoluteBase: "http://localhost/scim/v2")).AssertScimError(HttpStatusCode.Unauthorized, null);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/tenants/{tenant.TenantId}")).StatusCode);

        var again = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId = tenant.TenantId });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var token = (await again.Content.ReadFromJsonAsync<JsonObject>())!["token"]!.GetValue<string>();
        Assert.NotEqual(tenant.Token, token);
        (await tenant.GetAsync("/Users")).AssertScimError(HttpStatusCode.Unauthorized, null);

        var users = (await tenant.SendAsync(HttpMethod.Get, "/Users", token: token)).AssertListResponse();
        var groups = (await tenant.SendAsync(HttpMethod.Get, "/Groups", token: token)).AssertListResponse();
        var lookup = (await tenant.SendAsync(HttpMethod.Get, "/Users?filter=" + Uri.EscapeDataString("userName eq \"doomed\""), token: token)).AssertListResponse();
        Assert.Equal(0, users.TotalResults);
        Assert.Equal(0, groups.TotalResults);
        Assert.Equal(0, lookup.TotalResults);
        (await tenant.SendAsync(HttpMethod.Get, $"/Users/{user}", token: token)).AssertScimError(HttpStatusCode.NotFound, null);
        await AssertCountsAsync(tenant.TenantId, users: 0, groups: 0);

        // The old userName is free in the new incarnation.
        (await tenant.SendAsync(HttpMethod.Post, "/Users", User("doomed"), token: token)).AssertStatus(HttpStatusCode.Created);
    }

    private async Task AssertCountsAsync(string tenantId, long users, long groups)
    {
        using var admin = host.CreateAdminClient();
        var body = (await admin.GetFromJsonAsync<JsonObject>($"/admin/tenants/{tenantId}"))!;
        Assert.Equal(users, body["userCount"]!.GetValue<long>());
        Assert.Equal(groups, body["groupCount"]!.GetValue<long>());
    }

    private static string User(string userName) => $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "{{userName}}" }""";
}
