using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using CsCheck;
using OrleansScim.Host.Tests.Infrastructure;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// Generated hostile input through the real host: whole bodies for POST, PUT, PATCH and Bulk, and list
/// query strings. Never a 5xx, never a request left without an answer for 5 s, and a request refused with
/// a 4xx changes nothing (the resources' versions and the listings stay as they were).
/// </summary>
[Collection(ScimHostCollection.Name)]
public sealed class HostileInputPropertyTests(ScimHostFactory host)
{
    private const int Iterations = 300;
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Post_AnyBody_IsNever5xx_AndARefusalCreatesNothing()
    {
        var world = await World.CreateAsync(host);

        await HostileInput.ResourceBody.SampleAsync(
            async body =>
            {
                var before = await world.SnapshotAsync();
                var reply = await SendAsync(() => world.Tenant.PostAsync("/Users", body));
                if (reply.Status == HttpStatusCode.Created)
                {
                    (await world.Tenant.DeleteAsync($"/Users/{reply.Json["id"]!.GetValue<string>()}")).AssertStatus(HttpStatusCode.NoContent);
                }
                else
                {
                    Assert.Equal(before, await world.SnapshotAsync());
                }
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task PutAndPatch_AnyBody_IsNever5xx_AndARefusalChangesNothing()
    {
        var world = await World.CreateAsync(host);

        await Gen.Select(Gen.Frequency((1, HostileInput.ResourceBody), (3, HostileInput.PatchBody)), Gen.Bool, Gen.Bool).SampleAsync(
            async (body, put, onGroup) =>
            {
                var before = await world.SnapshotAsync();
                var path = onGroup ? $"/Groups/{world.Group}" : $"/Users/{world.User}";
                var reply = await SendAsync(() => put ? world.Tenant.PutAsync(path, body) : world.Tenant.PatchAsync(path, body));
                if ((int)reply.Status >= 400)
                {
                    Assert.Equal(before, await world.SnapshotAsync());
                }

                await world.RepairAsync();
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task Bulk_AnyBody_IsNever5xx_AndEveryOperationGetsAnAnswer()
    {
        var world = await World.CreateAsync(host);

        await HostileInput.BulkBody.SampleAsync(
            async body =>
            {
                var before = await world.SnapshotAsync();
                var reply = await SendAsync(() => world.Tenant.PostAsync("/Bulk", body));
                if (reply.Status == HttpStatusCode.OK)
                {
                    Assert.All(reply.Json["Operations"]!.AsArray(), o => Assert.True(int.Parse(o!["status"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) < 500, o.ToJsonString()));
                }
                else
                {
                    Assert.Equal(before, await world.SnapshotAsync());
                }

                await world.RepairAsync();
            },
            iter: Iterations,
            threads: 1);
    }

    [Fact]
    public async Task ListAndSearch_AnyQuery_IsNever5xx()
    {
        var world = await World.CreateAsync(host);

        await Gen.Select(HostileInput.ListQuery, Gen.OneOf("/Users", "/Groups")).SampleAsync(
            async (query, endpoint) =>
            {
                await SendAsync(() => world.Tenant.GetAsync(endpoint + query));
                var search = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:api:messages:2.0:SearchRequest") };
                var parameters = System.Web.HttpUtility.ParseQueryString(query);
                foreach (var name in parameters.AllKeys.OfType<string>())
                {
                    search[name] = parameters[name];
                }

                await SendAsync(() => world.Tenant.PostAsync("/.search", search.ToJsonString()));
            },
            iter: Iterations,
            threads: 1);
    }

    /// <summary>Sends one request: its answer must come within <see cref="AnswerWithin"/> and not be a 5xx.</summary>
    private static async Task<ScimReply> SendAsync(Func<Task<ScimReply>> send)
    {
        var clock = Stopwatch.StartNew();
        var reply = await send().WaitAsync(AnswerWithin);
        Assert.True((int)reply.Status < 500, $"{(int)reply.Status} after {clock.ElapsedMilliseconds} ms: {reply.Body}");
        return reply;
    }

    /// <summary>A tenant with one user and one group, and how to tell whether anything in it changed.</summary>
    private sealed class World(TenantClient tenant, string user, string group)
    {
        public TenantClient Tenant => tenant;

        public string User { get; private set; } = user;

        public string Group { get; private set; } = group;

        public static async Task<World> CreateAsync(ScimHostFactory host)
        {
            var tenant = await host.CreateTenantAsync("hostile");
            var user = await tenant.CreateAsync("Users", """{ "userName": "kept@contoso.example", "title": "Kept" }""");
            var group = await tenant.CreateAsync("Groups", $$"""{ "displayName": "Kept", "members": [{ "value": "{{user}}" }] }""");
            return new World(tenant, user, group);
        }

        /// <summary>The versions of the user and the group, and how many users and groups there are.</summary>
        public async Task<string> SnapshotAsync()
        {
            var user = await tenant.GetAsync($"/Users/{User}");
            var group = await tenant.GetAsync($"/Groups/{Group}");
            var users = (await tenant.GetAsync("/Users?count=0")).AssertListResponse().TotalResults;
            var groups = (await tenant.GetAsync("/Groups?count=0")).AssertListResponse().TotalResults;
            return $"user {user.Json["meta"]?["version"]}, group {group.Json["meta"]?["version"]}, {users} users, {groups} groups";
        }

        /// <summary>After an accepted request deleted or emptied them, puts the user and group back so the next sample has them.</summary>
        public async Task RepairAsync()
        {
            if ((await tenant.GetAsync($"/Users/{User}")).Status == HttpStatusCode.NotFound)
            {
                User = await tenant.CreateAsync("Users", $$"""{ "userName": "kept.{{Guid.NewGuid():N}}@contoso.example" }""");
            }

            if ((await tenant.GetAsync($"/Groups/{Group}")).Status == HttpStatusCode.NotFound)
            {
                Group = await tenant.CreateAsync("Groups", $$"""{ "displayName": "Kept {{Guid.NewGuid():N}}" }""");
            }
        }
    }
}
