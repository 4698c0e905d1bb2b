using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Users and groups nobody has asked for a while leave memory after <c>Cluster:ResourceCollectionAge</c>
/// (30 s by default; 3 s here) instead of the general grain age (15 minutes), and answer exactly as before
/// when asked again: provisioning a million users must not hold a million activations.
/// </summary>
public sealed class IdleResourcesTests(IdleResourcesTests.Host host) : IClassFixture<IdleResourcesTests.Host>
{
    [Fact]
    public async Task IdleUsersAndGroups_AreDeactivated_AndAnswerAsBeforeWhenAskedAgain()
    {
        var tenant = await host.CreateTenantAsync("idle");
        var userId = await tenant.CreateAsync("Users", """{ "userName": "idle@contoso.example", "displayName": "Idle" }""");
        var groupId = await tenant.CreateAsync("Groups", $$"""{ "displayName": "Idlers", "members": [{ "value": "{{userId}}" }] }""");
        var user = await tenant.GetAsync($"/Users/{userId}");
        var group = await tenant.GetAsync($"/Groups/{groupId}");
        Assert.True(await ActivationsAsync() >= 2, "the user and the group are active right after their requests");

        await Eventually.UntilAsync(ActivationsAsync, count => count == 0, "idle users and groups are deactivated", TimeSpan.FromSeconds(30));

        var userAgain = (await tenant.GetAsync($"/Users/{userId}")).AssertStatus(HttpStatusCode.OK);
        var groupAgain = (await tenant.GetAsync($"/Groups/{groupId}")).AssertStatus(HttpStatusCode.OK);
        Assert.Equal(user.Body, userAgain.Body);
        Assert.Equal(group.Body, groupAgain.Body);
        Assert.Single((await tenant.FilterAsync("Users", "userName eq \"idle@contoso.example\"")).Resources);
    }

    private async Task<int> ActivationsAsync()
    {
        var statistics = await host.Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).GetSimpleGrainStatistics();
        return statistics.Where(s => s.GrainType.StartsWith("OrleansScim.Grains.Resources.UserGrain,", StringComparison.Ordinal) || s.GrainType.StartsWith("OrleansScim.Grains.Resources.GroupGrain,", StringComparison.Ordinal))
            .Sum(s => s.ActivationCount);
    }

    public sealed class Host : ScimHostFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cluster:ResourceCollectionAge"] = "00:00:03" };
    }
}
