using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.RealClients;

/// <summary>
/// <c>inputPolicy</c> on <c>/admin/tenants/{id}/settings</c>: tolerant by default (also for tenants stored
/// before the setting existed, whose state has no such field), strict on request, independent of
/// <c>rejectUndeclaredExtensions</c>; what tolerant reading ignores is logged by name, never by value.
/// </summary>
public sealed class InputPolicySettingsTests(LogCapturingHostFactory host) : IClassFixture<LogCapturingHostFactory>
{
    [Fact]
    public async Task Settings_DefaultToTolerant_AndEachSettingChangesAlone()
    {
        var tenant = await host.CreateTenantAsync("set");

        var initial = await SendAsync(HttpMethod.Get, tenant, null);
        var strict = await SendAsync(HttpMethod.Put, tenant, """{ "inputPolicy": "strict" }""");
        var rejecting = await SendAsync(HttpMethod.Put, tenant, """{ "rejectUndeclaredExtensions": true }""");
        var tolerantAgain = await SendAsync(HttpMethod.Put, tenant, """{ "inputPolicy": "TOLERANT" }""");

        JsonAssert.Equal(JsonNode.Parse("""{ "rejectUndeclaredExtensions": false, "inputPolicy": "tolerant" }"""), initial);
        JsonAssert.Equal(JsonNode.Parse("""{ "rejectUndeclaredExtensions": false, "inputPolicy": "strict" }"""), strict);
        JsonAssert.Equal(JsonNode.Parse("""{ "rejectUndeclaredExtensions": true, "inputPolicy": "strict" }"""), rejecting);
        JsonAssert.Equal(JsonNode.Parse("""{ "rejectUndeclaredExtensions": true, "inputPolicy": "tolerant" }"""), tolerantAgain);
        JsonAssert.Equal(tolerantAgain, await SendAsync(HttpMethod.Get, tenant, null));
    }

    [Theory]
    [InlineData("""{ "inputPolicy": "lenient" }""")]
    [InlineData("""{ "inputPolicy": true }""")]
    [InlineData("""{ }""")]
    public async Task Settings_AnInvalidPolicy_Is400AndChangesNothing(string body)
    {
        var tenant = await host.CreateTenantAsync("set");
        using var admin = host.CreateAdminClient();

        using var response = await admin.PutAsync($"/admin/tenants/{tenant.TenantId}/settings", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        JsonAssert.Equal(JsonNode.Parse("""{ "rejectUndeclaredExtensions": false, "inputPolicy": "tolerant" }"""), await SendAsync(HttpMethod.Get, tenant, null));
    }

    [Fact]
    public async Task StrictInput_DoesNotRejectUndeclaredExtensions_ThePushToTalkVendorExtensionStillWorks()
    {
        var tenant = await host.CreateStrictTenantAsync("set");

        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}", "{{Schemas.GroupTalkUser}}"], "userName": "ptt@contoso.example", "{{Schemas.GroupTalkUser}}": { "label1": "Dispatch" } }""");

        JsonAssert.Contains($$"""{ "{{Schemas.GroupTalkUser}}": { "label1": "Dispatch" } }""", await tenant.GetResourceAsync("Users", id));
    }

    [Fact]
    public async Task IgnoredAttributes_AreLoggedByNameAtInformation_NeverByValue()
    {
        var tenant = await host.CreateTenantAsync("set");
        var id = await tenant.CreateAsync("Users", $$"""{ "schemas": ["{{Schemas.User}}"], "userName": "secret.person@contoso.example", "favouriteColour": "secret-value-1" }""");
        (await tenant.PatchAsync($"/Users/{id}", AzureAdRequests.PatchOp([AzureAdRequests.Operation("replace", "shoeSize", "secret-value-2")]))).AssertStatus(HttpStatusCode.OK);

        var lines = await Eventually.UntilAsync(
            () => Task.FromResult(host.Log.Where(l => l.Text.Contains(id, StringComparison.Ordinal) && l.Text.Contains("ignored", StringComparison.Ordinal)).ToList()),
            found => found.Count >= 2,
            "both ignored-attribute lines are logged");

        Assert.All(lines, l => Assert.Equal(LogLevel.Information, l.Level));
        Assert.Contains(lines, l => l.Text.Contains("favouriteColour", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Text.Contains("shoeSize", StringComparison.Ordinal));
        Assert.DoesNotContain(host.Log, l => l.Text.Contains("secret", StringComparison.Ordinal));
    }

    private async Task<JsonObject> SendAsync(HttpMethod method, TenantClient tenant, string? body)
    {
        using var admin = host.CreateAdminClient();
        using var request = new HttpRequestMessage(method, $"/admin/tenants/{tenant.TenantId}/settings");
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await admin.SendAsync(request);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }
}
