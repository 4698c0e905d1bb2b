using System.Net;
using System.Net.Http.Json;
using OrleansScim.Host.Tests.Infrastructure;
using OrleansScim.Host.Tests.Throttling;
using static OrleansScim.Host.Tests.Bulk.BulkRequests;

namespace OrleansScim.Host.Tests.Bulk;

/// <summary>A bulk request spends one permit of its tenant's budget per operation.</summary>
[Collection(ThrottledHostCollection.Name)]
public sealed class BulkThrottlingTests(ThrottledHostFactory host)
{
    [Fact]
    public async Task Bulk_OverTheTenantsBurst_IsPacedNotRefused_AndSpendsOnePermitPerOperation()
    {
        var tenant = await host.CreateTenantAsync("bulkrate");
        using (var admin = host.CreateAdminClient())
        {
            (await admin.PutAsJsonAsync($"/admin/tenants/{tenant.TenantId}/limits", new { requestsPerSecond = 1, burst = 3 })).EnsureSuccessStatusCode();
        }

        var reply = (await tenant.PostAsync("/Bulk", Request(Enumerable.Range(0, 4).Select(i => NewUser($"u{i}", $"paced{i}@bulk.example"))))).AssertStatus(HttpStatusCode.OK);

        Assert.All(reply.Json["Operations"]!.AsArray(), o => Assert.Equal("201", o!["status"]!.GetValue<string>()));
        // Four operations took the whole burst and then some: the bucket is empty right after.
        (await tenant.GetAsync("/Users?count=0")).AssertScimError(HttpStatusCode.TooManyRequests, null);
    }
}
