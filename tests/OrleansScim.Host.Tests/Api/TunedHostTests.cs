using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>
/// Listing across many directory segments (4 resources each), configured page sizes, the public base
/// URL in every link, and a configured body limit.
/// </summary>
[Collection(TunedScimHostCollection.Name)]
public sealed class TunedHostTests(TunedScimHostFactory host)
{
    private const string ImplicitBase = TunedScimHostFactory.PublicBaseUrl + "/scim/v2";

    [Fact]
    public async Task Paging_AcrossSegmentsWithGaps_ReturnsEveryRemainingUserOnce()
    {
        var tenant = await host.CreateTenantAsync("seg");
        var ids = await CreateUsersAsync(tenant, 25);
        var deleted = new[] { 4, 5, 6, 7, 13, 24 };
        foreach (var index in deleted)
        {
            (await tenant.DeleteAsync($"/Users/{ids[index]}")).AssertStatus(HttpStatusCode.NoContent);
        }

        var remaining = ids.Where((_, i) => !deleted.Contains(i)).ToList();

        foreach (var pageSize in new[] { 1, 3, 4, 7, 10 })
        {
            var seen = new List<string>();
            for (var start = 1; start <= remaining.Count; start += pageSize)
            {
                var page = (await tenant.GetAsync($"/Users?startIndex={start}&count={pageSize}")).AssertListResponse();
                Assert.Equal(remaining.Count, page.TotalResults);
                Assert.Equal(page.Resources.Count, page.Json["itemsPerPage"]!.GetValue<int>());
                seen.AddRange(page.Resources.Select(r => r["id"]!.GetValue<string>()));
            }

            Assert.Equal(remaining, seen);
        }
    }

    [Fact]
    public async Task FilteredPaging_AcrossSegments_ReturnsMatchesInOrder()
    {
        var tenant = await host.CreateTenantAsync("seg");
        var ids = await CreateUsersAsync(tenant, 18);
        var odd = ids.Where((_, i) => i % 2 == 1).ToList();

        var first = (await tenant.FilterAsync("Users", "title eq \"Odd\"", "startIndex=1&count=4")).AssertListResponse();
        var second = (await tenant.FilterAsync("Users", "title eq \"Odd\"", "startIndex=5&count=4")).AssertListResponse();
        var third = (await tenant.FilterAsync("Users", "title eq \"Odd\"", "startIndex=9&count=4")).AssertListResponse();

        Assert.Equal(odd.Count, first.TotalResults);
        Assert.Equal(odd, first.Resources.Concat(second.Resources).Concat(third.Resources).Select(r => r["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task PageSizes_DefaultAndMaximumComeFromConfiguration()
    {
        var tenant = await host.CreateTenantAsync("seg");
        await CreateUsersAsync(tenant, 12);

        var byDefault = (await tenant.GetAsync("/Users")).AssertListResponse();
        var capped = (await tenant.GetAsync("/Users?count=50")).AssertListResponse();
        var config = (await tenant.GetAsync("/ServiceProviderConfig")).AssertStatus(HttpStatusCode.OK).Json;

        Assert.Equal(12, byDefault.TotalResults);
        Assert.Equal(TunedScimHostFactory.DefaultPageSize, byDefault.Resources.Count);
        Assert.Equal(TunedScimHostFactory.MaxPageSize, capped.Resources.Count);
        Assert.Equal(TunedScimHostFactory.MaxPageSize, capped.Json["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(TunedScimHostFactory.MaxPageSize, config["filter"]!["maxResults"]!.GetValue<int>());
    }

    [Fact]
    public async Task Links_UseThePublicBaseUrl()
    {
        var tenant = await host.CreateTenantAsync("seg");
        Assert.Equal($"{TunedScimHostFactory.PublicBaseUrl}/tenants/{tenant.TenantId}/scim/v2", tenant.BaseUrl);

        var created = (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "linked" }""")).AssertStatus(HttpStatusCode.Created);
        var id = created.Json["id"]!.GetValue<string>();
        var implicitGet = (await tenant.SendAsync(HttpMethod.Get, $"/Users/{id}", absoluteBase: "http://internal.local/scim/v2")).AssertStatus(HttpStatusCode.OK);

        Assert.Equal($"{tenant.BaseUrl}/Users/{id}", created.Response.Headers.Location!.ToString());
        Assert.Equal($"{tenant.BaseUrl}/Users/{id}", created.Json["meta"]!["location"]!.GetValue<string>());
        Assert.Equal($"{ImplicitBase}/Users/{id}", implicitGet.Json["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public async Task BodyOverTheConfiguredLimit_Returns413()
    {
        var tenant = await host.CreateTenantAsync("seg");
        var title = new string('t', TunedScimHostFactory.MaxRequestBodyBytes);

        (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "large", "title": "{{title}}" }""")).AssertScimError(HttpStatusCode.RequestEntityTooLarge, null);
        (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "small", "title": "{{title[..3000]}}" }""")).AssertStatus(HttpStatusCode.Created);
    }

    [Fact]
    public async Task AdminCounts_AcrossSegments_FollowCreatesAndDeletes()
    {
        var tenant = await host.CreateTenantAsync("seg");
        var ids = await CreateUsersAsync(tenant, 9);
        foreach (var id in ids.Take(5))
        {
            (await tenant.DeleteAsync($"/Users/{id}")).AssertStatus(HttpStatusCode.NoContent);
        }

        using var admin = host.CreateAdminClient();
        var info = System.Text.Json.Nodes.JsonNode.Parse(await admin.GetStringAsync($"/admin/tenants/{tenant.TenantId}"))!;

        Assert.Equal(4, info["userCount"]!.GetValue<long>());
        Assert.Equal(4, (await tenant.GetAsync("/Users?count=0")).AssertListResponse().TotalResults);
    }

    private static async Task<List<string>> CreateUsersAsync(TenantClient tenant, int count)
    {
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            ids.Add(await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "seg{{i}}", "title": "{{(i % 2 == 0 ? "Even" : "Odd")}}" }"""));
        }

        return ids;
    }
}
