using System.Net;
using OrleansScim.Cluster.Tests.Infrastructure;

namespace OrleansScim.Cluster.Tests;

/// <summary>Silos of one cluster are one service: what one front end wrote, every other front end reads.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CrossSiloTests(ClusterServers servers)
{
    [Theory]
    [InlineData(ClusterBackend.AzureTable)]
    [InlineData(ClusterBackend.Redis)]
    public async Task WriteThroughSiloA_ReadThroughSiloB_UsersGroupsAndMembership(ClusterBackend backend)
    {
        // Azure Table: the shared cluster; Redis: a two-silo cluster of its own, gone after this test.
        await using var own = backend == ClusterBackend.AzureTable ? null : await ScimCluster.StartAsync(servers, ["a", "b"], ScimCluster.FastFailureDetection, backend);
        var cluster = own ?? await servers.SharedClusterAsync();
        await cluster.VerifyAsync(async () =>
        {
            var (a, b) = (cluster["a"], cluster["b"]);
            var tenant = await cluster.CreateTenantAsync(a, "cross");
            var alice = (await a.PostAsync(tenant, "/Users", Scim.User("alice@cross.test", "Engineer"))).Expect(HttpStatusCode.Created).Id;
            var bob = (await a.PostAsync(tenant, "/Users", Scim.User("bob@cross.test"))).Expect(HttpStatusCode.Created).Id;
            var group = (await a.PostAsync(tenant, "/Groups", Scim.Group("Engineering", alice))).Expect(HttpStatusCode.Created).Id;
            (await a.PatchAsync(tenant, $"/Groups/{group}", Scim.AddMembers(bob))).Expect(HttpStatusCode.NoContent);
            (await a.PatchAsync(tenant, $"/Users/{bob}", Scim.Replace("title", "Manager"))).Expect(HttpStatusCode.OK);

            var aliceOnB = (await b.GetAsync(tenant, $"/Users/{alice}")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal("alice@cross.test", aliceOnB["userName"]!.GetValue<string>());
            Assert.Equal("Engineer", aliceOnB["title"]!.GetValue<string>());
            Assert.Equal("Manager", (await b.GetAsync(tenant, $"/Users/{bob}")).Expect(HttpStatusCode.OK).Json["title"]!.GetValue<string>());

            Assert.Equal(bob, (await b.FilterAsync(tenant, "Users", "userName eq \"BOB@cross.test\"")).ExpectList(1).Resources[0]["id"]!.GetValue<string>());
            Assert.Equal(alice, (await b.FilterAsync(tenant, "Users", "emails[type eq \"work\"].value eq \"alice@cross.test\"")).ExpectList(1).Resources[0]["id"]!.GetValue<string>());

            var groupOnB = (await b.GetAsync(tenant, $"/Groups/{group}")).Expect(HttpStatusCode.OK).Json;
            Assert.Equal("Engineering", groupOnB["displayName"]!.GetValue<string>());
            Assert.Equal(new[] { alice, bob }.Order(StringComparer.Ordinal), Scim.MemberIds(groupOnB));
            (await b.FilterAsync(tenant, "Groups", $"id eq \"{group}\" and members eq \"{bob}\"")).ExpectList(1);
            (await b.FilterAsync(tenant, "Groups", "displayName eq \"Engineering\"")).ExpectList(1);

            await Eventually.UntilAsync(
                () => b.GetAsync(tenant, $"/Users/{bob}"),
                reply => reply.IsSuccess && reply.Json["groups"]?.AsArray().Any(g => g!["value"]!.GetValue<string>() == group) == true,
                "bob's groups, read through silo b, list the group joined through silo a");

            // And the other way round: a change through b is what a reads next.
            (await b.PatchAsync(tenant, $"/Groups/{group}", Scim.RemoveMember(alice))).Expect(HttpStatusCode.NoContent);
            Assert.Equal([bob], Scim.MemberIds((await a.GetAsync(tenant, $"/Groups/{group}")).Expect(HttpStatusCode.OK).Json));
            (await a.FilterAsync(tenant, "Groups", $"id eq \"{group}\" and members eq \"{alice}\"")).ExpectList(0);
        });
    }

    [Fact]
    public async Task TokenRevokedThroughSiloA_IsRefusedBySiloBImmediately()
    {
        var cluster = await servers.SharedClusterAsync();
        await cluster.VerifyAsync(async () =>
        {
            var (a, b, c) = (cluster["a"], cluster["b"], cluster["c"]);
            var first = await cluster.CreateTenantAsync(a, "revoke");
            var second = await cluster.IssueTokenAsync(a, first);

            // Both tokens are known (and cached) by b and c before the revocation.
            foreach (var silo in new[] { b, c })
            {
                (await silo.GetAsync(first, "/Users")).Expect(HttpStatusCode.OK);
                (await silo.GetAsync(second, "/Users")).Expect(HttpStatusCode.OK);
            }

            (await cluster.RevokeTokenAsync(a, first)).Expect(HttpStatusCode.NoContent);

            foreach (var silo in new[] { b, c, a })
            {
                (await silo.GetAsync(first, "/Users")).Expect(HttpStatusCode.Unauthorized);
                (await silo.SendAsync(HttpMethod.Get, "/scim/v2/Users", first.Token)).Expect(HttpStatusCode.Unauthorized);
                (await silo.GetAsync(second, "/Users")).Expect(HttpStatusCode.OK);
            }
        });
    }
}
