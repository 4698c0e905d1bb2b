using System.Net;
using System.Net.Http.Headers;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Api;

/// <summary>
/// Tenant-token authentication is the default scheme but only concerns SCIM URLs: admin and health
/// requests neither look their bearer up as a tenant token nor log a failed tenant authentication
/// (a benchmark's 10,000 admin calls once logged 26,000 "TenantToken was not authenticated" lines).
/// </summary>
public sealed class AuthenticationScopeTests(LogCapturingHostFactory host) : IClassFixture<LogCapturingHostFactory>
{
    [Fact]
    public async Task AdminAndHealthRequests_LogNoTenantTokenFailures()
    {
        var tenant = await host.CreateTenantAsync("scope");
        var linesBefore = host.AuthenticationLog.Count;
        using var admin = host.CreateAdminClient();
        using var dotted = host.CreateClient();
        dotted.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "0123456789abcdef01234567.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/tenants/{tenant.TenantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await dotted.GetAsync($"/admin/tenants/{tenant.TenantId}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await dotted.GetAsync("/health/live")).StatusCode);

        Assert.DoesNotContain(host.AuthenticationLog.Skip(linesBefore), line => line.Contains("TenantToken", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ScimRequest_WithMalformedToken_IsStillLoggedAndRejected()
    {
        var tenant = await host.CreateTenantAsync("scope");

        (await tenant.SendAsync(HttpMethod.Get, "/Users", token: "not-a-token")).AssertScimError(HttpStatusCode.Unauthorized, null);

        Assert.Contains(host.AuthenticationLog, line => line.Contains("Malformed bearer token", StringComparison.Ordinal));
    }
}
