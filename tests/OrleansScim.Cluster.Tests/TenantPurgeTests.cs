using System.Net;
using OrleansScim.Cluster.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Cluster.Tests;

/// <summary>
/// Deleting a tenant removes every row it had in Azure Table storage, also when the host dies in the
/// middle of the purge: the purge resumes after the restart without anyone touching the tenant, other
/// tenants keep all their data, and the tenant created again with the same id starts empty.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class TenantPurgeTests(ClusterServers servers, ITestOutputHelper output)
{
    private const int DoomedUsers = 300;

    [Fact]
    public async Task HostKilledMidPurge_PurgeResumesAfterRestart_RemovesEveryRowOfTheTenant_AndTheIdStartsEmptyAgain()
    {
        await using var cluster = await ScimCluster.StartAsync(servers, ["a"], ScimCluster.FastFailureDetection);
        await cluster.VerifyAsync(async () =>
        {
            var a = cluster["a"];
            var kept = await cluster.CreateTenantAsync(a, "kept");
            var keptUsers = new List<string>();
            for (var i = 0; i < 5; i++)
            {
                keptUsers.Add((await a.PostAsync(kept, "/Users", Scim.User($"kept{i}@purge.test"))).Expect(HttpStatusCode.Created).Id);
            }

            (await a.PostAsync(kept, "/Groups", Scim.Group("Kept", keptUsers))).Expect(HttpStatusCode.Created);

            var doomed = await cluster.CreateTenantAsync(a, "doomed");
            var doomedUsers = new List<string>();
            await Parallel.ForEachAsync(Enumerable.Range(0, DoomedUsers), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, _) =>
            {
                var id = (await a.PostAsync(doomed, "/Users", Scim.User($"doomed{i}@purge.test", "Doomed"))).Expect(HttpStatusCode.Created).Id;
                lock (doomedUsers)
                {
                    doomedUsers.Add(id);
                }
            });
            (await a.PostAsync(doomed, "/Groups", Scim.Group("Doomed", doomedUsers.Take(20)))).Expect(HttpStatusCode.Created);

            // Rows of a tenant carry its id in their partition key (its grains' keys start with it); its tokens' rows carry the token id.
            bool OfDoomed(string partitionKey) => partitionKey.Contains(doomed.TenantId, StringComparison.Ordinal) || partitionKey.Contains(doomed.TokenId, StringComparison.Ordinal);
            bool OfKept(string partitionKey) => partitionKey.Contains(kept.TenantId, StringComparison.Ordinal) || partitionKey.Contains(kept.TokenId, StringComparison.Ordinal);
            var before = await cluster.StoredPartitionKeysAsync();
            var doomedRows = before.Count(OfDoomed);
            var keptRows = before.Count(OfKept);
            output.WriteLine($"{doomedRows} rows of the doomed tenant, {keptRows} of the kept one");

            (await a.SendAsync(HttpMethod.Delete, $"/admin/tenants/{doomed.TenantId}", cluster.AdminKey)).Expect(HttpStatusCode.NoContent);
            var remaining = await Eventually.UntilAsync(
                async () => (await cluster.StoredPartitionKeysAsync()).Count(OfDoomed),
                count => count < doomedRows * 3 / 4,
                "the purge has removed a quarter of the tenant's rows",
                TimeSpan.FromSeconds(60));
            a.Kill();
            Assert.True(await a.WaitForExitAsync(TimeSpan.FromSeconds(10)), "a survived SIGKILL");
            remaining = (await cluster.StoredPartitionKeysAsync()).Count(OfDoomed);
            output.WriteLine($"Killed with {remaining} of {doomedRows} rows left");
            Assert.True(remaining > 0, "The host was killed after the purge had finished: the test proves nothing (make the tenant bigger)");

            // Nobody touches the deleted tenant: its purge reminder wakes the tenant grain on the new silo.
            var restarted = (await cluster.StartSilosAsync(["b"]))[0];
            await Eventually.UntilAsync(
                async () => (await cluster.StoredPartitionKeysAsync()).Count(OfDoomed),
                count => count == 0,
                "every row of the deleted tenant is gone",
                TimeSpan.FromSeconds(150));

            Assert.Equal(keptRows, (await cluster.StoredPartitionKeysAsync()).Count(OfKept));
            (await restarted.GetAsync(kept, "/Users")).ExpectList(5);
            (await restarted.FilterAsync(kept, "Groups", "displayName eq \"Kept\"")).ExpectList(1);

            var again = await CreateTenantAsync(cluster, restarted, doomed.TenantId);
            (await restarted.GetAsync(again, "/Users")).ExpectList(0);
            (await restarted.GetAsync(again, "/Groups")).ExpectList(0);
            (await restarted.FilterAsync(again, "Users", "userName eq \"doomed0@purge.test\"")).ExpectList(0);
            (await restarted.PostAsync(again, "/Users", Scim.User("doomed0@purge.test"))).Expect(HttpStatusCode.Created);
        });
    }

    private static async Task<Tenant> CreateTenantAsync(ScimCluster cluster, SiloProcess via, string tenantId)
    {
        var json = (await via.SendAsync(HttpMethod.Post, "/admin/tenants", cluster.AdminKey, $$"""{ "tenantId": "{{tenantId}}" }""")).Expect(HttpStatusCode.Created).Json;
        return new Tenant(tenantId, json["token"]!.GetValue<string>(), json["tokenId"]!.GetValue<string>());
    }
}
