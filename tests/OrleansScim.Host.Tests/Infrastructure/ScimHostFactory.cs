using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// The real host (Kestrel pipeline in a test server, co-hosted silo, in-memory storage) with its own
/// silo ports and an admin key. One instance is shared by a test collection; tests isolate themselves
/// by creating their own tenant.
/// </summary>
public class ScimHostFactory : WebApplicationFactory<Program>
{
    public const string AdminKey = "test-admin-key-0123456789-abcdefghijklmnop";

    private int _tenantCounter;

    /// <summary>Extra configuration for subclasses (e.g. a lower page size).</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public HttpClient CreateAdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKey);
        return client;
    }

    /// <summary>Creates a fresh tenant through the admin API and returns a client for its SCIM base URL.</summary>
    public async Task<TenantClient> CreateTenantAsync(string? prefix = null)
    {
        var tenantId = $"{prefix ?? "t"}-{Interlocked.Increment(ref _tenantCounter)}-{Guid.NewGuid():N}";
        tenantId = tenantId[..Math.Min(tenantId.Length, 40)];
        using var admin = CreateAdminClient();
        var response = await admin.PostAsJsonAsync("/admin/tenants", new { tenantId });
        response.EnsureSuccessStatusCode();
        var created = (await response.Content.ReadFromJsonAsync<CreatedTenant>())!;
        return new TenantClient(this, created.TenantId, created.ScimBaseUrl, created.Token, created.TokenId);
    }

    /// <summary>A fresh tenant whose input policy is strict (RFC-exact refusals instead of tolerant reading).</summary>
    public async Task<TenantClient> CreateStrictTenantAsync(string? prefix = null)
    {
        var tenant = await CreateTenantAsync(prefix);
        await tenant.SetSettingsAsync("""{ "inputPolicy": "strict" }""");
        return tenant;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, TestClientAddress>());
        builder.UseSetting("Admin:ApiKey", AdminKey);
        builder.UseSetting("Cluster:SiloPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:GatewayPort", FreePorts.Next().ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Cluster:ClusterId", "test-" + Guid.NewGuid().ToString("N"));
        builder.UseSetting("Logging:LogLevel:Default", "Warning");

        // Functional tests replay whole provisioning cycles at full speed from one address; per-tenant and
        // unauthenticated throttling get limits they never reach (throttling tests override these in Settings).
        builder.UseSetting("Throttling:RequestsPerSecond", "1000000");
        builder.UseSetting("Throttling:Burst", "10000000");
        builder.UseSetting("Throttling:UnauthenticatedRequestsPerSecond", "1000000");
        builder.UseSetting("Throttling:UnauthenticatedBurst", "1000000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    private sealed record CreatedTenant(string TenantId, string ScimBaseUrl, string Token, string TokenId);
}
