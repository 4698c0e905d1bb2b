using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.RealClients;

/// <summary>
/// A PATCH value filter that matches nothing (RFC 7644 §3.5.2.3): add and replace create the element only
/// for a lone <c>type eq "…"</c> filter (Entra's shape), anything else is 400 noTarget and changes nothing;
/// a remove that matches nothing is a successful no-op (Entra retries removals). Both input policies.
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class UnmatchedValueFilterTests(ScimHostFactory host)
{
    [Theory]
    [InlineData("tolerant", "emails[type eq \"work\"].value", "x@contoso.example", """{ "emails": [{ "type": "home", "value": "home@contoso.example" }, { "type": "work", "value": "x@contoso.example" }] }""")]
    [InlineData("strict", "emails[type eq \"work\"].value", "x@contoso.example", """{ "emails": [{ "type": "home", "value": "home@contoso.example" }, { "type": "work", "value": "x@contoso.example" }] }""")]
    [InlineData("tolerant", "phoneNumbers[type eq \"mobile\"].value", "+1 555 0100", """{ "phoneNumbers": [{ "type": "mobile", "value": "+1 555 0100" }] }""")]
    [InlineData("strict", "phoneNumbers[type eq \"mobile\"].value", "+1 555 0100", """{ "phoneNumbers": [{ "type": "mobile", "value": "+1 555 0100" }] }""")]
    [InlineData("tolerant", "addresses[type eq \"work\"].locality", "Redmond", """{ "addresses": [{ "type": "work", "locality": "Redmond" }] }""")]
    [InlineData("strict", "addresses[type eq \"work\"].locality", "Redmond", """{ "addresses": [{ "type": "work", "locality": "Redmond" }] }""")]
    public async Task Replace_ALoneTypeFilterThatMatchesNothing_CreatesTheElement(string policy, string path, string value, string expected)
    {
        var tenant = await TenantAsync(policy);
        var user = await CreateUserAsync(tenant);

        (await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", path, value)]))).AssertStatus(HttpStatusCode.OK);

        JsonAssert.Contains(expected, await tenant.GetResourceAsync("Users", user));
    }

    [Theory]
    [InlineData("tolerant", "replace", "emails[value eq \"nobody@example.com\"].display")]
    [InlineData("strict", "replace", "emails[value eq \"nobody@example.com\"].display")]
    [InlineData("tolerant", "add", "emails[type eq \"work\" and primary eq true].value")]
    [InlineData("strict", "add", "emails[type eq \"work\" and primary eq true].value")]
    [InlineData("tolerant", "replace", "phoneNumbers[type eq \"mobile\" or type eq \"work\"].value")]
    public async Task AddOrReplace_AnyOtherFilterThatMatchesNothing_Is400NoTargetAndChangesNothing(string policy, string op, string path)
    {
        var tenant = await TenantAsync(policy);
        var user = await CreateUserAsync(tenant);
        var before = await tenant.GetResourceAsync("Users", user);

        var reply = await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation(op, path, "x@contoso.example")]));

        reply.AssertScimError(HttpStatusCode.BadRequest, "noTarget");
        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", user));
    }

    [Theory]
    [InlineData("tolerant")]
    [InlineData("strict")]
    public async Task Remove_AFilterThatMatchesNothing_IsASuccessfulNoOp(string policy)
    {
        var tenant = await TenantAsync(policy);
        var user = await CreateUserAsync(tenant);
        var group = await tenant.CreateAsync("Groups", $$"""{ "schemas": ["{{Schemas.Group}}"], "displayName": "Retry" }""");
        var before = await tenant.GetResourceAsync("Users", user);

        (await tenant.PatchAsync($"/Users/{user}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", "emails[value eq \"nobody@example.com\"]", null)]))).AssertStatus(HttpStatusCode.OK);
        (await tenant.PatchAsync($"/Groups/{group}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("remove", $"members[value eq \"{Guid.NewGuid()}\"]", null)]))).AssertStatus(HttpStatusCode.NoContent);

        JsonAssert.Equal(before, await tenant.GetResourceAsync("Users", user));
    }

    private Task<TenantClient> TenantAsync(string policy) =>
        policy == "strict" ? host.CreateStrictTenantAsync("vf") : host.CreateTenantAsync("vf");

    private static Task<string> CreateUserAsync(TenantClient tenant) =>
        tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "vf@contoso.example", "emails": [{ "type": "home", "value": "home@contoso.example" }] }""");
}
