using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Storage;

/// <summary>
/// Through the host on Azurite: values the official provider's key cleaning would merge (it maps
/// <c>/ \ # ?</c> to <c>_</c>) stay distinct records, read back from the table after every grain was
/// deactivated; ids and names beyond the length limits answer 404 or 400, never 5xx.
/// </summary>
public sealed class AzureTableKeysTests(AzuriteScimHostFactory host) : IClassFixture<AzuriteScimHostFactory>
{
    private static readonly string[] Separators = ["/", "\\", "#", "?", "_"];

    [Fact]
    public async Task NamesDifferingOnlyInCleanedCharacters_StayDistinctResources_AfterAReadFromTheTable()
    {
        var tenant = await host.CreateTenantAsync("keys");
        var users = new Dictionary<string, string>();
        var groups = new Dictionary<string, string>();
        foreach (var separator in Separators)
        {
            var name = $"pat{separator}kim@contoso.example";
            users[name] = await tenant.CreateAsync("Users", new JsonObject { ["userName"] = name, ["externalId"] = $"ext{separator}1" }.ToJsonString());
            groups[$"Team{separator}A"] = await tenant.CreateAsync("Groups", new JsonObject { ["displayName"] = $"Team{separator}A" }.ToJsonString());
        }

        // externalId is case-exact: these two are different users.
        var upper = await tenant.CreateAsync("Users", """{ "userName": "upper@contoso.example", "externalId": "CASE-ext" }""");
        var lower = await tenant.CreateAsync("Users", """{ "userName": "lower@contoso.example", "externalId": "case-ext" }""");

        await host.DeactivateAllGrainsAsync();

        foreach (var (name, id) in users)
        {
            var found = (await tenant.FilterAsync("Users", $"userName eq \"{Escape(name)}\"")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(id, Assert.Single(found.Resources)["id"]!.GetValue<string>());
            Assert.Equal(name, (await tenant.GetAsync($"/Users/{id}")).AssertStatus(HttpStatusCode.OK).Json["userName"]!.GetValue<string>());
        }

        foreach (var (name, id) in groups)
        {
            var found = (await tenant.FilterAsync("Groups", $"displayName eq \"{Escape(name)}\"")).AssertStatus(HttpStatusCode.OK);
            Assert.Equal(id, Assert.Single(found.Resources)["id"]!.GetValue<string>());
        }

        Assert.Equal(upper, Assert.Single((await tenant.FilterAsync("Users", "externalId eq \"CASE-ext\"")).Resources)["id"]!.GetValue<string>());
        Assert.Equal(lower, Assert.Single((await tenant.FilterAsync("Users", "externalId eq \"case-ext\"")).Resources)["id"]!.GetValue<string>());
        Assert.Equal(Separators.Length + 2, (await tenant.GetAsync("/Users?count=0")).TotalResults);
    }

    [Fact]
    public async Task AnIdInTheUrlDifferingOnlyInCleanedCharacters_IsNotFound()
    {
        var tenant = await host.CreateTenantAsync("ids");
        var id = await tenant.CreateAsync("Users", """{ "userName": "dash@contoso.example" }""");

        foreach (var separator in Separators)
        {
            var lookalike = Uri.EscapeDataString(id.Replace("-", separator, StringComparison.Ordinal));
            (await tenant.GetAsync($"/Users/{lookalike}")).AssertStatus(HttpStatusCode.NotFound);
        }
    }

    [Theory]
    [InlineData("k")]
    [InlineData("/")]
    [InlineData("\u00e9")]
    [InlineData("\u6f22")]
    public async Task IdsBeyondTheLengthLimit_AreNotFound_InEveryPlaceAnIdIsTaken(string character)
    {
        var tenant = await host.CreateTenantAsync("long-ids");
        var longId = string.Concat(Enumerable.Repeat(character, 600));
        var inUrl = Uri.EscapeDataString(longId);
        var groupId = await tenant.CreateAsync("Groups", """{ "displayName": "Long ids" }""");
        var patch = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:PatchOp"),
            ["Operations"] = new JsonArray(new JsonObject { ["op"] = "add", ["path"] = "members", ["value"] = new JsonArray(new JsonObject { ["value"] = longId }) }),
        }.ToJsonString();

        (await tenant.GetAsync($"/Users/{inUrl}")).AssertStatus(HttpStatusCode.NotFound);
        (await tenant.GetAsync($"/Groups/{inUrl}")).AssertStatus(HttpStatusCode.NotFound);
        (await tenant.PutAsync($"/Users/{inUrl}", """{ "userName": "x@contoso.example" }""")).AssertStatus(HttpStatusCode.NotFound);
        (await tenant.PatchAsync($"/Users/{inUrl}", patch)).AssertStatus(HttpStatusCode.NotFound);
        (await tenant.DeleteAsync($"/Groups/{inUrl}")).AssertStatus(HttpStatusCode.NotFound);
        Assert.Equal(0, (await tenant.FilterAsync("Users", $"id eq \"{Escape(longId)}\"")).AssertStatus(HttpStatusCode.OK).TotalResults);
        Assert.Equal(0, (await tenant.FilterAsync("Groups", $"members.value eq \"{Escape(longId)}\"")).AssertStatus(HttpStatusCode.OK).TotalResults);

        // A member that cannot exist is skipped, as any member that does not exist (tolerant input).
        Assert.True((await tenant.PatchAsync($"/Groups/{groupId}", patch)).Status is HttpStatusCode.OK or HttpStatusCode.NoContent);
        Assert.Null((await tenant.GetAsync($"/Groups/{groupId}")).Json["members"]);

        var bulk = new JsonObject
        {
            ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:BulkRequest"),
            ["Operations"] = new JsonArray(new JsonObject { ["method"] = "DELETE", ["path"] = $"/Users/{inUrl}" }),
        }.ToJsonString();
        var bulkReply = (await tenant.PostAsync("/Bulk", bulk)).AssertStatus(HttpStatusCode.OK);
        Assert.Equal("404", bulkReply.Json["Operations"]![0]!["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Users", "userName", "@contoso.example")]
    [InlineData("Users", "externalId", "")]
    [InlineData("Groups", "displayName", "")]
    public async Task NamesBeyondTheLengthLimit_AreRefusedAsInvalidValues(string endpoint, string attribute, string suffix)
    {
        var tenant = await host.CreateTenantAsync("long-names");
        var body = new JsonObject { [attribute] = new string('n', 600) + suffix };
        if (attribute == "externalId")
        {
            body["userName"] = "long-external@contoso.example";
        }

        (await tenant.PostAsync($"/{endpoint}", body.ToJsonString())).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");
        Assert.Equal(0, (await tenant.GetAsync($"/{endpoint}?count=0")).TotalResults);
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
