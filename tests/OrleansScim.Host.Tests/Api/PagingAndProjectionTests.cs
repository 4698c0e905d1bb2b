using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>RFC 7644 §3.4.2.4 index paging and §3.4.2.5 attribute projection, on GET and POST .search.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class PagingAndProjectionTests(ScimHostFactory host)
{
    private const int UserCount = 25;

    [Fact]
    public async Task Paging_WalksAllUsersInCreationOrder()
    {
        var (tenant, ids) = await CreateUsersAsync();
        var seen = new List<string>();

        for (var start = 1; start <= UserCount; start += 10)
        {
            var page = (await tenant.GetAsync($"/Users?startIndex={start}&count=10")).AssertListResponse();
            var expectedItems = Math.Min(10, UserCount - start + 1);
            Assert.Equal(UserCount, page.TotalResults);
            Assert.Equal(start, page.Json["startIndex"]!.GetValue<int>());
            Assert.Equal(expectedItems, page.Json["itemsPerPage"]!.GetValue<int>());
            Assert.Equal(expectedItems, page.Resources.Count);
            seen.AddRange(page.Resources.Select(r => r["id"]!.GetValue<string>()));
        }

        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task CountZero_ReturnsOnlyTheTotal()
    {
        var (tenant, _) = await CreateUsersAsync();

        var reply = (await tenant.GetAsync("/Users?count=0")).AssertListResponse();

        Assert.Equal(UserCount, reply.TotalResults);
        Assert.Equal(0, reply.Json["itemsPerPage"]!.GetValue<int>());
        Assert.Empty(reply.Resources);
    }

    [Fact]
    public async Task StartIndexBeyondTheEnd_ReturnsTotalAndNoResources()
    {
        var (tenant, _) = await CreateUsersAsync();

        var reply = (await tenant.GetAsync("/Users?startIndex=26&count=10")).AssertListResponse();

        Assert.Equal(UserCount, reply.TotalResults);
        Assert.Empty(reply.Resources);
        Assert.Equal(26, reply.Json["startIndex"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("startIndex=0&count=3")]
    [InlineData("startIndex=-4&count=3")]
    public async Task StartIndexBelowOne_IsTreatedAsOne(string query)
    {
        var (tenant, ids) = await CreateUsersAsync();

        var reply = (await tenant.GetAsync($"/Users?{query}")).AssertListResponse();

        Assert.Equal(1, reply.Json["startIndex"]!.GetValue<int>());
        Assert.Equal(ids.Take(3), reply.Resources.Select(r => r["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task NonIntegerCount_Returns400()
    {
        var tenant = await host.CreateTenantAsync("page");

        var reply = await tenant.GetAsync("/Users?count=ten");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
        Assert.Equal(Schemas.Error, reply.Json["schemas"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task FilteredScan_PagesOverTheMatchesOnly()
    {
        var (tenant, ids) = await CreateUsersAsync();
        var even = ids.Where((_, i) => i % 2 == 0).ToList();

        var reply = (await tenant.FilterAsync("Users", "title eq \"Even\"", "startIndex=3&count=4")).AssertListResponse();

        Assert.Equal(even.Count, reply.TotalResults);
        Assert.Equal(4, reply.Json["itemsPerPage"]!.GetValue<int>());
        Assert.Equal(even.Skip(2).Take(4), reply.Resources.Select(r => r["id"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Attributes_ReturnsOnlyTheAskedAttributesPlusId()
    {
        var (tenant, ids) = await CreateUsersAsync();

        var reply = (await tenant.GetAsync("/Users?attributes=userName&count=5")).AssertListResponse();

        Assert.Equal(5, reply.Resources.Count);
        foreach (var user in reply.Resources)
        {
            Assert.NotNull(user["id"]);
            Assert.NotNull(user["userName"]);
            Assert.Null(user["title"]);
            Assert.Null(user["emails"]);
            Assert.Null(user["name"]);
        }

        var single = await tenant.GetResourceAsync("Users", ids[0], "attributes=name.givenName");
        JsonAssert.Equal(JsonNode.Parse("""{ "givenName": "Given0" }"""), single["name"]);
        Assert.Null(single["userName"]);
        Assert.Equal(ids[0], single["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ExcludedAttributes_DropsOnlyThoseAttributes()
    {
        var (tenant, ids) = await CreateUsersAsync();

        var reply = (await tenant.FilterAsync("Users", $"id eq \"{ids[1]}\"", "excludedAttributes=emails")).AssertListResponse();

        var user = Assert.Single(reply.Resources);
        Assert.Null(user["emails"]);
        Assert.Equal("user01@example.com", user["userName"]!.GetValue<string>());
        Assert.Equal("Odd", user["title"]!.GetValue<string>());
        Assert.NotNull(user["name"]);
        Assert.Null((await tenant.GetResourceAsync("Users", ids[1], "excludedAttributes=emails,name"))["name"]);
    }

    [Fact]
    public async Task Search_UsesFilterPagingAndProjectionFromTheBody()
    {
        var (tenant, ids) = await CreateUsersAsync();
        var odd = ids.Where((_, i) => i % 2 == 1).ToList();

        var reply = (await tenant.PostAsync("/Users/.search", $$"""
            {
              "schemas": ["{{Schemas.SearchRequest}}"],
              "filter": "title eq \"Odd\"",
              "startIndex": 2,
              "count": 3,
              "attributes": ["userName", "title"]
            }
            """)).AssertListResponse();

        Assert.Equal(odd.Count, reply.TotalResults);
        Assert.Equal(2, reply.Json["startIndex"]!.GetValue<int>());
        Assert.Equal(odd.Skip(1).Take(3), reply.Resources.Select(r => r["id"]!.GetValue<string>()));
        Assert.All(reply.Resources, r =>
        {
            Assert.Equal("Odd", r["title"]!.GetValue<string>());
            Assert.Null(r["emails"]);
        });
    }

    [Fact]
    public async Task Search_WithExcludedAttributesAndIndexedFilter_FindsOne()
    {
        var (tenant, ids) = await CreateUsersAsync();

        var reply = (await tenant.PostAsync("/Users/.search", $$"""
            { "schemas": ["{{Schemas.SearchRequest}}"], "filter": "userName eq \"USER07@example.com\"", "excludedAttributes": ["emails"] }
            """)).AssertListResponse();

        var user = Assert.Single(reply.Resources);
        Assert.Equal(ids[7], user["id"]!.GetValue<string>());
        Assert.Null(user["emails"]);
    }

    [Fact]
    public async Task Search_WithoutSearchRequestSchema_Returns400()
    {
        var tenant = await host.CreateTenantAsync("page");

        var reply = await tenant.PostAsync("/Users/.search", """{ "filter": "userName eq \"x\"" }""");

        Assert.Equal(HttpStatusCode.BadRequest, reply.Status);
    }

    private async Task<(TenantClient Tenant, List<string> Ids)> CreateUsersAsync()
    {
        var tenant = await host.CreateTenantAsync("page");
        var ids = new List<string>();
        for (var i = 0; i < UserCount; i++)
        {
            ids.Add(await tenant.CreateAsync("Users", $$"""
                {
                  "schemas": ["{{Schemas.User}}"],
                  "userName": "user{{i:00}}@example.com",
                  "title": "{{(i % 2 == 0 ? "Even" : "Odd")}}",
                  "name": { "givenName": "Given{{i}}", "familyName": "Family{{i}}" },
                  "emails": [{ "type": "work", "value": "user{{i:00}}@example.com" }]
                }
                """));
        }

        return (tenant, ids);
    }
}
