using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using OrleansScim.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// The whole cluster goes down at once (every silo killed: a power cut, a botched deployment) and
/// comes back on new addresses: storage alone brings every tenant back as it was.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class ClusterRestartTests(ClusterServers servers, ITestOutputHelper output)
{
    [Fact]
    public async Task KillingEverySilo_ThenStartingTheClusterAgain_FindsAllDataAgain()
    {
        await using var cluster = await ScimCluster.StartAsync(servers, ["a", "b", "c"], ScimCluster.FastFailureDetection);
        await cluster.VerifyAsync(async () =>
        {
            SiloProcess[] before = [cluster["a"], cluster["b"], cluster["c"]];
            var (a, b, c) = (before[0], before[1], before[2]);
            var tenant = await cluster.CreateTenantAsync(a, "restart");
            var rotated = await cluster.IssueTokenAsync(b, tenant);

            var users = new List<(string Name, string Id)>();
            for (var i = 0; i < 6; i++)
            {
                var name = $"user{i}@restart.test";
                users.Add((name, (await before[i % 3].PostAsync(tenant, "/Users", Scim.User(name, $"title-{i}"))).Expect(HttpStatusCode.Created).Id));
            }

            var engineering = (await b.PostAsync(tenant, "/Groups", Scim.Group("Engineering", users[0].Id, users[1].Id, users[2].Id))).Expect(HttpStatusCode.Created).Id;
            var sales = (await c.PostAsync(tenant, "/Groups", Scim.Group("Sales", users[3].Id))).Expect(HttpStatusCode.Created).Id;
            (await a.PatchAsync(tenant, $"/Groups/{sales}", Scim.AddMembers(users[4].Id))).Expect(HttpStatusCode.NoContent);
            (await c.PatchAsync(tenant, $"/Groups/{engineering}", Scim.RemoveMember(users[1].Id))).Expect(HttpStatusCode.NoContent);
            (await b.PatchAsync(tenant, $"/Users/{users[2].Id}", Scim.Replace("active", false))).Expect(HttpStatusCode.OK);
            (await a.DeleteAsync(tenant, $"/Users/{users[5].Id}")).Expect(HttpStatusCode.NoContent);
            // The users' readOnly "groups" follow a group change shortly after its answer; they have settled before the kill.
            await Eventually.UntilAsync(() => a.GetAsync(tenant, $"/Users/{users[1].Id}"), reply => reply.IsSuccess && Groups(reply.Json).Count == 0, "user1's groups are empty");
            await Eventually.UntilAsync(() => a.GetAsync(tenant, $"/Users/{users[4].Id}"), reply => reply.IsSuccess && Groups(reply.Json).SequenceEqual([sales]), "user4's groups list Sales");
            var infoBefore = (await cluster.TenantInfoAsync(c, tenant)).Expect(HttpStatusCode.OK).Json;
            Assert.Equal(5, infoBefore["userCount"]!.GetValue<long>());
            Assert.Equal(2, infoBefore["groupCount"]!.GetValue<long>());

            foreach (var silo in before)
            {
                silo.Kill();
            }

            foreach (var silo in before)
            {
                Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(10)), $"{silo.Name} survived SIGKILL");
            }

            // New processes on new ports, as pods get new IPs. The membership table still lists the killed silos
            // as active; the new ones join once those have missed enough heartbeats to count as stale (about 9 s
            // with FastFailureDetection, 90 s with Orleans' defaults), then vote them dead.
            var clock = Stopwatch.StartNew();
            var after = await cluster.StartSilosAsync(["d", "e", "f"]);
            output.WriteLine($"The restarted cluster was ready after {clock.Elapsed.TotalSeconds:F1} s");

            foreach (var silo in after)
            {
                foreach (var (name, id, i) in users.Take(5).Select((u, i) => (u.Name, u.Id, i)))
                {
                    var user = (await silo.GetAsync(tenant, $"/Users/{id}")).Expect(HttpStatusCode.OK).Json;
                    Assert.Equal(name, user["userName"]!.GetValue<string>());
                    Assert.Equal($"title-{i}", user["title"]!.GetValue<string>());
                    Assert.Equal(i != 2, user["active"]!.GetValue<bool>());
                    Assert.Equal(id, (await silo.FilterAsync(tenant, "Users", $"userName eq \"{name}\"")).ExpectList(1).Resources[0]["id"]!.GetValue<string>());
                }

                (await silo.GetAsync(tenant, $"/Users/{users[5].Id}")).Expect(HttpStatusCode.NotFound);
                (await silo.FilterAsync(tenant, "Users", $"userName eq \"{users[5].Name}\"")).ExpectList(0);
                await ExpectListingAsync(silo, tenant, "/Users", 5);
                await ExpectListingAsync(silo, tenant, "/Groups", 2);

                Assert.Equal(new[] { users[0].Id, users[2].Id }.Order(StringComparer.Ordinal), Scim.MemberIds((await silo.GetAsync(tenant, $"/Groups/{engineering}")).Expect(HttpStatusCode.OK).Json));
                Assert.Equal(new[] { users[3].Id, users[4].Id }.Order(StringComparer.Ordinal), Scim.MemberIds((await silo.GetAsync(tenant, $"/Groups/{sales}")).Expect(HttpStatusCode.OK).Json));
                (await silo.FilterAsync(tenant, "Groups", $"id eq \"{engineering}\" and members eq \"{users[0].Id}\"")).ExpectList(1);
                (await silo.FilterAsync(tenant, "Groups", $"id eq \"{engineering}\" and members eq \"{users[1].Id}\"")).ExpectList(0);
                Assert.Equal([engineering], Groups((await silo.GetAsync(tenant, $"/Users/{users[0].Id}")).Expect(HttpStatusCode.OK).Json));
                Assert.Empty(Groups((await silo.GetAsync(tenant, $"/Users/{users[1].Id}")).Expect(HttpStatusCode.OK).Json));
                Assert.Equal([sales], Groups((await silo.GetAsync(tenant, $"/Users/{users[4].Id}")).Expect(HttpStatusCode.OK).Json));

                var info = (await cluster.TenantInfoAsync(silo, tenant)).Expect(HttpStatusCode.OK).Json;
                Assert.True(
                    info["userCount"]!.GetValue<long>() == 5 && info["groupCount"]!.GetValue<long>() == 2
                        && info["created"]!.GetValue<string>() == infoBefore["created"]!.GetValue<string>() && TokenIds(info).SequenceEqual(TokenIds(infoBefore)),
                    $"The tenant's admin info is as before the kill.\nBefore: {infoBefore}\nAfter, through {silo.Name}: {info}");

                // Both tokens still open the tenant, through its own URL and the shared one.
                (await silo.GetAsync(tenant, "/Users")).Expect(HttpStatusCode.OK);
                (await silo.GetAsync(rotated, "/Users")).Expect(HttpStatusCode.OK);
                (await silo.SendAsync(HttpMethod.Get, "/scim/v2/Users", rotated.Token)).ExpectList(5);
            }
        });
    }

    /// <summary>
    /// The first unfiltered listing after the restart already counts every resource: a directory segment
    /// that finds its stored entries unsettled after a crash settles them while it activates.
    /// </summary>
    private async Task ExpectListingAsync(SiloProcess silo, Tenant tenant, string endpoint, int expected)
    {
        var first = (await silo.GetAsync(tenant, endpoint)).Expect(HttpStatusCode.OK);
        Assert.True(first.Resources.Count == expected && first.TotalResults == expected, $"Expected {expected} resources and totalResults: {first}");
    }

    private static IReadOnlyList<string> Groups(JsonObject user) =>
        user["groups"] is JsonArray groups ? [.. groups.Select(g => g!["value"]!.GetValue<string>())] : [];

    private static IReadOnlyList<string> TokenIds(JsonObject info) =>
        [.. info["tokens"]!.AsArray().Select(t => t!["tokenId"]!.GetValue<string>()).Order(StringComparer.Ordinal)];
}
