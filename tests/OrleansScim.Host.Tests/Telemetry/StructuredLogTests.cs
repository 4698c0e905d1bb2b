using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Telemetry;

/// <summary>
/// The host as a pod runs it (own process, JSON console logs, Azure Table storage on Azurite): every line is
/// one JSON object, a request's lines carry its tenant and request id in their scopes, and none of the
/// secrets the test used (admin key, tenant tokens, the storage connection string) appears anywhere.
/// </summary>
public sealed class StructuredLogTests
{
    private const string AdminKey = "log-test-admin-key-0123456789-abcdefghijklmnop";

    [Fact]
    public async Task JsonLogs_CarryTenantAndRequestIdScopes_AndNoSecret()
    {
        await using var azurite = await TestServers.StartAzuriteAsync();
        var connectionString = TestServers.AzuriteConnectionString(azurite.Port);
        var main = new Uri($"http://127.0.0.1:{FreePorts.Next()}");
        await using var host = await HostProcess.StartAsync(
            ["--urls", main.ToString().TrimEnd('/')],
            new Dictionary<string, string>
            {
                ["Admin__ApiKey"] = AdminKey,
                ["Storage__Provider"] = "AzureTable",
                ["Storage__ConnectionString"] = connectionString,
                ["Storage__TableName"] = "LogTest",
                ["Logging__Console__FormatterName"] = "json",
                ["Logging__LogLevel__Default"] = "Information",
                ["Logging__LogLevel__Microsoft.AspNetCore"] = "Information",
            },
            new Uri(main, "/health/ready"));

        using var client = new HttpClient { BaseAddress = main };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        var created = await (await client.PostAsJsonAsync("/admin/tenants", new { tenantId = "log-tenant" })).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var token = (string)created!["token"]!;
        var issued = await (await client.PostAsync("/admin/tenants/log-tenant/tokens", null)).EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonObject>();
        var secondToken = (string)issued!["token"]!;

        using var scim = new HttpRequestMessage(HttpMethod.Post, "/tenants/log-tenant/scim/v2/Users")
        {
            Content = new StringContent("""{"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"logged.person@example.com"}""", System.Text.Encoding.UTF8, "application/scim+json"),
        };
        scim.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(scim)).StatusCode);

        // Wrong credentials are logged as failures, without what was sent.
        using var wrongToken = new HttpRequestMessage(HttpMethod.Get, "/tenants/log-tenant/scim/v2/Users");
        wrongToken.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrongToken)).StatusCode);
        using var wrongAdmin = new HttpRequestMessage(HttpMethod.Get, "/admin/tenants/log-tenant");
        wrongAdmin.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey[..^4] + "AAAA");
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.SendAsync(wrongAdmin)).StatusCode);

        var output = host.Output();
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var entries = lines.Select(line => JsonNode.Parse(line)!.AsObject()).ToList();
        Assert.All(entries, e => Assert.NotNull(e["Category"]));

        var issuedLine = Assert.Single(entries, e => ((string?)e["Message"] ?? "").StartsWith("Token ", StringComparison.Ordinal) && ((string?)e["Message"])!.Contains("issued", StringComparison.Ordinal));
        var scopes = issuedLine["Scopes"]!.AsArray().OfType<JsonObject>().ToList();
        Assert.Contains(scopes, s => (string?)s["TenantId"] == "log-tenant");
        Assert.Contains(scopes, s => s["RequestId"] is not null);

        foreach (var secret in new[] { AdminKey, token, secondToken, connectionString, TestServers.AzuriteAccountKey, SecretPart(token), SecretPart(secondToken) })
        {
            Assert.DoesNotContain(secret, output, StringComparison.Ordinal);
        }
    }

    /// <summary>The part of a token after its id (the id may be logged; the secret never).</summary>
    private static string SecretPart(string token) => token[(token.LastIndexOf('.') + 1)..];
}
