using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Listing;

/// <summary>RFC 7644 §3.4.2.3 sorting and RFC 9865 cursor paging over HTTP.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class SortingAndCursorTests(ScimHostFactory host)
{
    [Fact]
    public async Task ServiceProviderConfig_AdvertisesSortAndCursorPaging()
    {
        var tenant = await host.CreateTenantAsync("spc");

        var config = (await tenant.GetAsync("/ServiceProviderConfig")).AssertStatus(HttpStatusCode.OK).Json;

        Assert.True(config["sort"]!["supported"]!.GetValue<bool>());
        Assert.True(config["pagination"]!["cursor"]!.GetValue<bool>());
        Assert.True(config["pagination"]!["index"]!.GetValue<bool>());
        Assert.Equal(1000, config["pagination"]!["maxPageSize"]!.GetValue<int>());
    }

    [Fact]
    public async Task SortBy_UserName_OrdersCaseInsensitively_AndDescendingReverses()
    {
        var tenant = await host.CreateTenantAsync("sort");
        foreach (var name in new[] { "charlie", "Alice", "bob", "dave" })
        {
            await tenant.CreateAsync("Users", $$"""{"userName":"{{name}}"}""");
        }

        var ascending = Names((await tenant.GetAsync("/Users?sortBy=userName")).AssertStatus(HttpStatusCode.OK).Json);
        var descending = Names((await tenant.GetAsync("/Users?sortBy=userName&sortOrder=descending")).AssertStatus(HttpStatusCode.OK).Json);

        Assert.Equal(["Alice", "bob", "charlie", "dave"], ascending);
        Assert.Equal(["dave", "charlie", "bob", "Alice"], descending);
    }

    [Fact]
    public async Task SortBy_MultiValuedAttribute_UsesThePrimaryValue_AndMissingValuesComeLast()
    {
        var tenant = await host.CreateTenantAsync("sortmv");
        await tenant.CreateAsync("Users", """{"userName":"u1","emails":[{"value":"z@x.com","type":"home"},{"value":"b@x.com","type":"work","primary":true}]}""");
        await tenant.CreateAsync("Users", """{"userName":"u2","emails":[{"value":"a@x.com","type":"work"}]}""");
        await tenant.CreateAsync("Users", """{"userName":"u3"}""");

        var names = Names((await tenant.GetAsync("/Users?sortBy=emails")).AssertStatus(HttpStatusCode.OK).Json);

        Assert.Equal(["u2", "u1", "u3"], names);
    }

    [Fact]
    public async Task SortBy_Descending_PutsMissingValuesFirst_AsRfc7644Section3_4_2_3Says()
    {
        var tenant = await host.CreateTenantAsync("sortmiss");
        await tenant.CreateAsync("Users", """{"userName":"u1","title":"b"}""");
        await tenant.CreateAsync("Users", """{"userName":"u2"}""");
        await tenant.CreateAsync("Users", """{"userName":"u3","title":"c"}""");
        await tenant.CreateAsync("Users", """{"userName":"u4"}""");

        var ascending = Names((await tenant.GetAsync("/Users?sortBy=title")).AssertStatus(HttpStatusCode.OK).Json);
        var descending = Names((await tenant.GetAsync("/Users?sortBy=title&sortOrder=descending")).AssertStatus(HttpStatusCode.OK).Json);
        var firstPage = (await tenant.GetAsync("/Users?sortBy=title&sortOrder=descending&count=3&cursor=")).AssertStatus(HttpStatusCode.OK).Json;
        var secondPage = (await tenant.GetAsync($"/Users?sortBy=title&sortOrder=descending&count=3&cursor={firstPage["nextCursor"]!.GetValue<string>()}")).AssertStatus(HttpStatusCode.OK).Json;

        Assert.Equal(["u1", "u3", "u2", "u4"], ascending);
        Assert.Equal(["u2", "u4", "u3", "u1"], descending);
        Assert.Equal(["u2", "u4", "u3", "u1"], Names(firstPage).Concat(Names(secondPage)));
    }

    [Fact]
    public async Task SortBy_UnknownAttribute_IsInvalidValue()
    {
        var tenant = await host.CreateTenantAsync("sortbad");

        (await tenant.GetAsync("/Users?sortBy=shoeSize")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        (await tenant.GetAsync("/Users?sortBy=userName&sortOrder=sideways")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
    }

    [Fact]
    public async Task SearchRequest_SortsToo()
    {
        var tenant = await host.CreateTenantAsync("sortsearch");
        foreach (var name in new[] { "m", "k", "l" })
        {
            await tenant.CreateAsync("Users", $$"""{"userName":"{{name}}"}""");
        }

        var reply = await tenant.PostAsync("/Users/.search", """{"schemas":["urn:ietf:params:scim:api:messages:2.0:SearchRequest"],"sortBy":"userName","sortOrder":"descending"}""");

        Assert.Equal(["m", "l", "k"], Names(reply.AssertStatus(HttpStatusCode.OK).Json));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("userName sw \"walk\"", null)]
    [InlineData(null, "userName")]
    [InlineData("title eq \"even\"", "userName")]
    public async Task CursorWalk_ReturnsEveryMatchOnce_InListingOrder(string? filter, string? sortBy)
    {
        var tenant = await host.CreateTenantAsync("cursor");
        var expected = new List<string>();
        for (var i = 0; i < 23; i++)
        {
            var name = $"walk{(i * 7) % 23:D2}";
            var title = i % 2 == 0 ? "even" : "odd";
            await tenant.CreateAsync("Users", $$"""{"userName":"{{name}}","title":"{{title}}"}""");
            if (filter is null || filter.Contains("sw", StringComparison.Ordinal) || title == "even")
            {
                expected.Add(name);
            }
        }

        if (sortBy is not null)
        {
            expected.Sort(StringComparer.OrdinalIgnoreCase);
        }

        var seen = new List<string>();
        var query = $"count=5{(filter is null ? "" : "&filter=" + Uri.EscapeDataString(filter))}{(sortBy is null ? "" : "&sortBy=" + sortBy)}";
        var page = (await tenant.GetAsync($"/Users?{query}&cursor")).AssertStatus(HttpStatusCode.OK).Json;
        while (true)
        {
            Assert.Null(page["startIndex"]);
            seen.AddRange(Names(page));
            if (page["nextCursor"] is not JsonValue next)
            {
                break;
            }

            page = (await tenant.GetAsync($"/Users?{query}&cursor={Uri.EscapeDataString(next.GetValue<string>())}")).AssertStatus(HttpStatusCode.OK).Json;
        }

        Assert.Equal(expected, seen);
    }

    [Fact]
    public async Task CursorWalk_StaysStable_WhileUsersAreAddedAndRemoved()
    {
        var tenant = await host.CreateTenantAsync("stable");
        var ids = new List<string>();
        for (var i = 0; i < 10; i++)
        {
            ids.Add(await tenant.CreateAsync("Users", $$"""{"userName":"s{{i}}"}""")); 
        }

        var first = (await tenant.GetAsync("/Users?count=4&cursor")).AssertStatus(HttpStatusCode.OK).Json;
        Assert.Equal(["s0", "s1", "s2", "s3"], Names(first));

        // Meanwhile: one already seen and one not yet seen are deleted, and a new user arrives.
        (await tenant.DeleteAsync($"/Users/{ids[1]}")).AssertStatus(HttpStatusCode.NoContent);
        (await tenant.DeleteAsync($"/Users/{ids[5]}")).AssertStatus(HttpStatusCode.NoContent);
        await tenant.CreateAsync("Users", """{"userName":"s10"}""");

        var rest = new List<string>();
        var cursor = first["nextCursor"]!.GetValue<string>();
        while (cursor is not null)
        {
            var page = (await tenant.GetAsync($"/Users?count=4&cursor={Uri.EscapeDataString(cursor)}")).AssertStatus(HttpStatusCode.OK).Json;
            rest.AddRange(Names(page));
            cursor = page["nextCursor"]?.GetValue<string>();
        }

        Assert.Equal(["s4", "s6", "s7", "s8", "s9", "s10"], rest);
    }

    [Fact]
    public async Task Cursor_FromAnotherQueryOrGarbage_IsInvalidCursor()
    {
        var tenant = await host.CreateTenantAsync("badcursor");
        for (var i = 0; i < 3; i++)
        {
            await tenant.CreateAsync("Users", $$"""{"userName":"c{{i}}"}""");
        }

        var next = (await tenant.GetAsync("/Users?count=1&cursor")).Json["nextCursor"]!.GetValue<string>();

        (await tenant.GetAsync($"/Users?count=1&sortBy=userName&cursor={Uri.EscapeDataString(next)}")).AssertScimError(HttpStatusCode.BadRequest, "invalidCursor");
        (await tenant.GetAsync("/Users?count=1&cursor=not-a-cursor")).AssertScimError(HttpStatusCode.BadRequest, "invalidCursor");
        (await tenant.GetAsync($"/Groups?count=1&cursor={Uri.EscapeDataString(next)}")).AssertScimError(HttpStatusCode.BadRequest, "invalidCursor");
    }

    [Fact]
    public async Task CursorAndStartIndex_Together_AreInvalidValue()
    {
        var tenant = await host.CreateTenantAsync("both");

        (await tenant.GetAsync("/Users?startIndex=2&cursor")).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
    }

    private static List<string> Names(JsonObject list) =>
        [.. list["Resources"]!.AsArray().Select(r => r!["userName"]!.GetValue<string>())];
}
