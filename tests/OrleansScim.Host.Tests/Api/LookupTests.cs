using System.Net;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>The equality lookups Azure AD matches on, with the case rules of each attribute and after changes.</summary>
[Collection(ScimHostCollection.Name)]
public sealed class LookupTests(ScimHostFactory host)
{
    [Theory]
    [InlineData("a/b@example.com")]
    [InlineData("hash#tag?query=1&x")]
    [InlineData("back\\slash%20encoded")]
    [InlineData("Ärlig.Öberg@exempel.se")]
    [InlineData("  spaced  ")]
    public async Task UserName_WithSpecialCharacters_IsFoundAndUnique(string userName)
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var json = System.Text.Json.JsonSerializer.Serialize(userName);
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": {{json}} }""");

        var found = await tenant.FindOneAsync("Users", $"userName eq {json}");

        Assert.Equal(id, found["id"]!.GetValue<string>());
        Assert.Equal(userName, found["userName"]!.GetValue<string>());
        (await tenant.PostAsync("/Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": {{System.Text.Json.JsonSerializer.Serialize(userName.ToUpperInvariant())}} }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
    }

    [Fact]
    public async Task UserName_LookupIgnoresCase_ExternalIdDoesNot()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "Mixed.Case@Example.com", "externalId": "ExtID-42" }""");

        Assert.Equal(id, (await tenant.FindOneAsync("Users", "userName eq \"mixed.case@example.com\""))["id"]!.GetValue<string>());
        Assert.Equal(id, (await tenant.FindOneAsync("Users", "externalId eq \"ExtID-42\""))["id"]!.GetValue<string>());
        await tenant.AssertNoMatchAsync("Users", "externalId eq \"extid-42\"");
    }

    [Fact]
    public async Task WorkEmailLookup_IgnoresCaseAndOtherEmailTypes()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var id = await tenant.CreateAsync("Users", $$"""
            { "schemas": ["{{Schemas.User}}"], "userName": "mail.user", "emails": [{ "type": "work", "value": "Work@Example.com" }, { "type": "home", "value": "home@example.com" }] }
            """);

        Assert.Equal(id, (await tenant.FindOneAsync("Users", "emails[type eq \"work\"].value eq \"work@example.COM\""))["id"]!.GetValue<string>());
        await tenant.AssertNoMatchAsync("Users", "emails[type eq \"work\"].value eq \"home@example.com\"");
        Assert.Equal(id, (await tenant.FindOneAsync("Users", "emails.value eq \"home@example.com\""))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Lookups_FollowRenamesOfUserNameExternalIdAndEmail()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var id = await tenant.CreateAsync("Users", $$"""
            { "schemas": ["{{Schemas.User}}"], "userName": "old.name", "externalId": "old-ext", "emails": [{ "type": "work", "value": "old@example.com" }] }
            """);

        await tenant.PatchOkAsync("Users", id, new AzureAdRequests(Dialect.Rfc).Replace(
            ("userName", "new.name"), ("externalId", "new-ext"), ("emails[type eq \"work\"].value", "new@example.com")), HttpStatusCode.OK);

        await tenant.AssertNoMatchAsync("Users", "userName eq \"old.name\"");
        await tenant.AssertNoMatchAsync("Users", "externalId eq \"old-ext\"");
        await tenant.AssertNoMatchAsync("Users", "emails[type eq \"work\"].value eq \"old@example.com\"");
        Assert.Equal(id, (await tenant.FindOneAsync("Users", "userName eq \"new.name\""))["id"]!.GetValue<string>());
        Assert.Equal(id, (await tenant.FindOneAsync("Users", "externalId eq \"new-ext\""))["id"]!.GetValue<string>());
        Assert.Equal(id, (await tenant.FindOneAsync("Users", "emails[type eq \"work\"].value eq \"new@example.com\""))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task SharedExternalId_FindsEveryHolder()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "one", "externalId": "shared" }""");
        await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "two", "externalId": "shared" }""");

        var reply = (await tenant.FilterAsync("Users", "externalId eq \"shared\"")).AssertListResponse();

        Assert.Equal(2, reply.TotalResults);
    }

    [Fact]
    public async Task OrFilter_AndIndexedFilterWithExtraCondition_AreEvaluatedFully()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var one = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "one", "active": true }""");
        var two = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "two", "active": false }""");
        await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "three" }""");

        var either = (await tenant.FilterAsync("Users", "userName eq \"one\" or userName eq \"two\"")).AssertListResponse();
        var activeTwo = (await tenant.FilterAsync("Users", "userName eq \"two\" and active eq true")).AssertListResponse();

        Assert.Equal(new[] { one, two }.Order(StringComparer.Ordinal), either.Resources.Select(r => r["id"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        Assert.Equal(2, either.TotalResults);
        Assert.Equal(0, activeTwo.TotalResults);
        Assert.Equal(two, (await tenant.FindOneAsync("Users", "userName eq \"two\" and active eq false"))["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task GroupLookups_ByDisplayNameIgnoringCaseExternalIdAndMember()
    {
        var tenant = await host.CreateTenantAsync("lookup");
        var user = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "member" }""");
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ops Team", "externalId": "G-1", "members": [{ "value": "{{user}}" }] }""");
        await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Other Team" }""");

        Assert.Equal(group, (await tenant.FindOneAsync("Groups", "displayName eq \"ops team\"", "excludedAttributes=members"))["id"]!.GetValue<string>());
        Assert.Equal(group, (await tenant.FindOneAsync("Groups", "externalId eq \"G-1\""))["id"]!.GetValue<string>());
        Assert.Equal(group, (await tenant.FindOneAsync("Groups", $"members eq \"{user}\""))["id"]!.GetValue<string>());
        Assert.Equal(group, (await tenant.FindOneAsync("Groups", $"members[value eq \"{user}\"]"))["id"]!.GetValue<string>());
        Assert.False(await tenant.IsMemberAsync(group, Guid.NewGuid().ToString()));
    }
}
