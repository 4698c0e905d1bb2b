using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Requests for ids that do not exist (guessed, deleted, or refused creates) and guessed token ids hold no
/// memory afterwards: their grains deactivate once the answer is given, instead of staying for the
/// collection age (15 minutes) each.
/// </summary>
public sealed class GuessedIdsTests(ReactivationScimHostFactory host) : IClassFixture<ReactivationScimHostFactory>
{
    [Fact]
    public async Task UnknownIds_RefusedCreates_AndGuessedTokens_LeaveNoActivations()
    {
        var tenant = await host.CreateTenantAsync("ghost");
        await tenant.CreateAsync("Users", """{ "userName": "taken@contoso.example" }""");
        var before = await ActivationsAsync();

        for (var i = 0; i < 100; i++)
        {
            (await tenant.GetAsync($"/Users/{Guid.NewGuid()}")).AssertStatus(HttpStatusCode.NotFound);
            (await tenant.PatchAsync($"/Groups/{Guid.NewGuid()}", """{ "schemas": ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], "Operations": [{ "op": "add", "path": "title", "value": "x" }] }""")).AssertStatus(HttpStatusCode.NotFound);
            (await tenant.PostAsync("/Users", """{ "userName": "taken@contoso.example" }""")).AssertStatus(HttpStatusCode.Conflict);
            (await tenant.SendAsync(HttpMethod.Get, "/Users", token: Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..12]) + "." + new string('t', 43))).AssertStatus(HttpStatusCode.Unauthorized);
        }

        var after = await Eventually.UntilAsync(ActivationsAsync, count => count < before + 20, "the guessed ids' activations are gone");
        Assert.True(after < before + 20, $"{before} activations before 400 requests for things that do not exist, {after} after");
    }

    /// <summary>
    /// A burst of first sights of one token (every request misses the silo's cache at once, as after a
    /// deployment) is answered by one activation of its grain. When it deactivated after each answer, the
    /// queued calls were forwarded from activation to activation and failed after two forwards (503).
    /// </summary>
    [Fact]
    public async Task ConcurrentFirstSightsOfOneToken_AllAuthenticate_AndAGuessedOneIsRefusedAlike()
    {
        var tenant = await host.CreateTenantAsync("burst");
        var guessed = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..12]) + "." + new string('t', 43);

        var valid = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => tenant.GetAsync("/Users?count=1")));
        var refused = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => tenant.SendAsync(HttpMethod.Get, "/Users", token: guessed)));

        Assert.All(valid, reply => reply.AssertStatus(HttpStatusCode.OK));
        Assert.All(refused, reply => reply.AssertStatus(HttpStatusCode.Unauthorized));
    }

    /// <summary>Concurrent requests for one id that does not exist all get their 404 (no 503 while its grain goes).</summary>
    [Fact]
    public async Task ConcurrentRequestsForOneIdThatDoesNotExist_AllAnswer404()
    {
        var tenant = await host.CreateTenantAsync("ghost-burst");
        var id = Guid.NewGuid();

        var replies = await Task.WhenAll(Enumerable.Range(0, 64).Select(_ => tenant.GetAsync($"/Users/{id}")));

        Assert.All(replies, reply => reply.AssertStatus(HttpStatusCode.NotFound));
    }

    private async Task<int> ActivationsAsync()
    {
        var statistics = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.Contains("OrleansScim", StringComparison.Ordinal)).Sum(s => s.ActivationCount);
    }
}
