using System.Net;
using Microsoft.Extensions.Logging;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// userName, group displayName and emails are one name however they are spelled in Unicode, cased,
/// padded or sprinkled with invisible characters: uniqueness, lookups and filters agree; the stored value
/// stays as sent; control characters in names and externalId are refused. None of these values, nor keys
/// built from them, reach a log line at Warning or above.
/// </summary>
public sealed class IdentityNormalizationTests(LogCapturingHostFactory host) : IClassFixture<LogCapturingHostFactory>
{
    [Theory]
    [InlineData("josé@contoso.example", "jose\u0301@contoso.example")]
    [InlineData("alice@contoso.example", "ａｌｉｃｅ@contoso.example")]
    [InlineData("alice@contoso.example", "ali\u200Bce@contoso.example")]
    [InlineData("alice@contoso.example", "  alice@contoso.example ")]
    [InlineData("alice@contoso.example", "\uFEFFALICE@CONTOSO.EXAMPLE")]
    public async Task UserName_EquivalentSpellings_AreOneUser(string first, string second)
    {
        var tenant = await host.CreateTenantAsync("nfkc");
        var id = await tenant.CreateAsync("Users", User(first));

        (await tenant.PostAsync("/Users", User(second))).AssertScimError(HttpStatusCode.Conflict, "uniqueness");

        Assert.Equal(first, (await tenant.GetResourceAsync("Users", id))["userName"]!.GetValue<string>());
        foreach (var filter in new[] { $"userName eq {Quote(second)}", $"userName sw {Quote(second[..5])}", $"emails.value eq {Quote(second)}", $"emails[type eq \"work\"].value co {Quote(second[1..6])}" })
        {
            Assert.Equal(id, (await tenant.FindOneAsync("Users", filter))["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task GroupDisplayName_EquivalentSpellings_AreOneGroup()
    {
        var tenant = await host.CreateTenantAsync("nfkc");
        var id = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Ｆｉｎａｎｃｅ" }""");

        (await tenant.PostAsync("/Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": " finance\u200D" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");

        Assert.Equal(id, (await tenant.FindOneAsync("Groups", "displayName eq \"FINANCE\""))["id"]!.GetValue<string>());
        Assert.Equal("Ｆｉｎａｎｃｅ", (await tenant.GetResourceAsync("Groups", id))["displayName"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("Users", """{ "userName": "bad\u0000name" }""")]
    [InlineData("Users", """{ "userName": "bad\u0085name" }""")]
    [InlineData("Users", """{ "userName": "ok@contoso.example", "externalId": "ext\u001F" }""")]
    [InlineData("Groups", """{ "displayName": "Bad\nName" }""")]
    public async Task ControlCharacters_InNamesAndExternalId_Are400InvalidValue(string endpoint, string body)
    {
        var tenant = await host.CreateTenantAsync("ctl");

        (await tenant.PostAsync("/" + endpoint, body)).AssertScimError(HttpStatusCode.BadRequest, "invalidValue");

        Assert.Equal(0, (await tenant.GetAsync("/" + endpoint)).AssertListResponse().TotalResults);
    }

    [Fact]
    public async Task PersonalData_NeverReachesWarningLogs_UniquenessConflictsIncluded()
    {
        var tenant = await host.CreateTenantAsync("pii");
        const string userName = "pii.person.4711@contoso.example";
        const string externalId = "pii-external-4711";
        const string groupName = "PII Group 4711";
        var user = await tenant.CreateAsync("Users", $$"""{ "userName": "{{userName}}", "externalId": "{{externalId}}", "emails": [{ "type": "work", "value": "{{userName}}" }] }""");
        await tenant.CreateAsync("Groups", $$"""{ "displayName": "{{groupName}}", "externalId": "{{externalId}}", "members": [{ "value": "{{user}}" }] }""");

        for (var i = 0; i < 5; i++)
        {
            (await tenant.PostAsync("/Users", $$"""{ "userName": "{{userName.ToUpperInvariant()}}" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
            (await tenant.PostAsync("/Groups", $$"""{ "displayName": "{{groupName}}" }""")).AssertScimError(HttpStatusCode.Conflict, "uniqueness");
        }

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => tenant.PostAsync("/Users", $$"""{ "userName": "race.{{userName}}" }""")));
        await tenant.FindOneAsync("Users", $"userName eq \"{userName}\" and externalId eq \"{externalId}\"");

        var warnings = host.Log.Where(l => l.Level >= LogLevel.Warning).ToList();
        foreach (var secret in new[] { userName, externalId, groupName, "4711", userName.ToUpperInvariant() })
        {
            Assert.DoesNotContain(warnings, l => l.Text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string User(string userName) =>
        $$"""{ "schemas": ["{{Schemas.User}}"], "userName": {{Quote(userName)}}, "emails": [{ "type": "work", "value": {{Quote(userName)}} }] }""";

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);
}
