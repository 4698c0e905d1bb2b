using System.Text.Json.Nodes;
using OrleansScim.Grains.Contracts;
using OrleansScim.Grains.Keys;
using OrleansScim.Grains.Resources;
using OrleansScim.Grains.Tenants;

namespace OrleansScim.Host.Tests.Throttling;

/// <summary>
/// Grains take time from Orleans' clock for grains (the injected <see cref="TimeProvider"/>), not the wall
/// clock: a tenant's and a token's creation and a resource's meta.created/lastModified are what that clock says.
/// </summary>
public sealed class GrainClockTests(FakeClockCluster cluster) : IClassFixture<FakeClockCluster>
{
    [Fact]
    public async Task TenantTokenAndResourceTimestamps_ComeFromTheGrainClock()
    {
        cluster.Clock.Advance(TimeSpan.FromDays(3650));
        var now = cluster.Clock.GetUtcNow();
        var grains = cluster.Grains(0);

        var tenant = grains.GetGrain<ITenantGrain>("clock-" + Guid.NewGuid().ToString("N")[..8]);
        var created = (await tenant.CreateAsync())!;
        Assert.Equal(now, created.Token.Created);
        Assert.Equal(now, (await tenant.GetInfoAsync())!.Created);

        cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        var user = grains.GetGrain<IUserGrain>(GrainKeys.Resource(created.TenantKey, Guid.NewGuid().ToString("D")));
        var response = await user.CreateAsync(new ResourceRequest { BaseUrl = "https://scim.test/scim/v2", Body = """{"userName":"clocked@example.com"}""" });
        Assert.Equal(ResourceOutcome.Created, response.Outcome);
        var meta = JsonNode.Parse(response.Document!)!["meta"]!;
        Assert.Equal(now.AddMinutes(5), DateTimeOffset.Parse((string)meta["created"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(now.AddMinutes(5), DateTimeOffset.Parse((string)meta["lastModified"]!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
