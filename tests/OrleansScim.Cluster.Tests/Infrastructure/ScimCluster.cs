using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using StackExchange.Redis;
using Xunit.Sdk;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// Host processes forming one cluster: by default with membership and grain state in Azure Table storage
/// (the shared Azurite; one account and nothing else, as a production deployment), or both in the shared
/// Redis. ClusterId, ServiceId and table are unique to this cluster, so silos started later (a restart)
/// with the same identity find its data again.
/// </summary>
public sealed class ScimCluster : IAsyncDisposable
{
    /// <summary>
    /// Orleans' failure detection shortened for tests: a probe a second, three missed probes make a
    /// suspect (defaults: 5 s, 3); a heartbeat in the table every 3 s (default 30 s), so silos that
    /// were killed count as stale after 9 s instead of 90 s, which is what a new silo waits for before
    /// it joins a cluster whose table still lists dead silos as active. Where a test does not pass
    /// this, Orleans' defaults apply, as in production.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> FastFailureDetection = new Dictionary<string, string>
    {
        ["Cluster__Membership__ProbeTimeout"] = "00:00:01",
        ["Cluster__Membership__NumMissedProbesLimit"] = "3",
        ["Cluster__Membership__IAmAliveTablePublishTimeout"] = "00:00:03",
    };

    private readonly ClusterServers _servers;
    private readonly Dictionary<string, string> _settings;
    private readonly List<SiloProcess> _started = [];

    private ScimCluster(ClusterServers servers, IReadOnlyDictionary<string, string>? settings, ClusterBackend backend)
    {
        _servers = servers;
        Backend = backend;
        var id = Guid.NewGuid().ToString("N");
        ClusterId = "cluster-" + id;
        ServiceId = "service-" + id;
        TableName = "Scim" + id;
        AdminKey = "admin-" + Guid.NewGuid().ToString("N");
        _settings = backend == ClusterBackend.AzureTable
            ? new Dictionary<string, string>
            {
                // Membership takes the grain storage's account: one connection string for both.
                ["Cluster__Provider"] = "AzureTable",
                ["Storage__Provider"] = "AzureTable",
                ["Storage__ConnectionString"] = servers.StorageConnectionString,
                ["Storage__TableName"] = TableName,
            }
            : new Dictionary<string, string>
            {
                ["Cluster__Provider"] = "Redis",
                ["Cluster__RedisConnectionString"] = servers.RedisConnectionString,
                ["Storage__Provider"] = "Redis",
                ["Storage__ConnectionString"] = servers.RedisConnectionString,
            };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["Cluster__ClusterId"] = ClusterId,
            ["Cluster__ServiceId"] = ServiceId,
            ["Admin__ApiKey"] = AdminKey,
            // The load tests measure failover, not the per-tenant limit.
            ["Throttling__RequestsPerSecond"] = "100000",
            ["Throttling__Burst"] = "100000",
            ["Throttling__UnauthenticatedRequestsPerSecond"] = "100000",
            ["Throttling__UnauthenticatedBurst"] = "100000",
            // Timestamps and membership changes in the output shown by failed assertions.
            ["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ",
            ["Logging__LogLevel__Polly"] = "Warning",
            ["Logging__LogLevel__Orleans.Runtime.MembershipService.MembershipTableManager"] = "Information",
            ["Logging__LogLevel__Orleans.Hosting.SiloHostedService"] = "Information",
        })
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            _settings[key] = value;
        }
    }

    public ClusterBackend Backend { get; }

    public string ClusterId { get; }

    public string ServiceId { get; }

    public string TableName { get; }

    public string AdminKey { get; }

    /// <summary>The most recently started silo of that name.</summary>
    public SiloProcess this[string name] => _started.Last(s => s.Name == name);

    /// <summary>Starts silos with the given names together and returns once every one is an active member.</summary>
    public static async Task<ScimCluster> StartAsync(
        ClusterServers servers, IReadOnlyList<string> names, IReadOnlyDictionary<string, string>? settings = null, ClusterBackend backend = ClusterBackend.AzureTable)
    {
        var cluster = new ScimCluster(servers, settings, backend);
        try
        {
            await cluster.StartSilosAsync(names);
            return cluster;
        }
        catch (Exception e)
        {
            var diagnostics = cluster.Diagnostics();
            await cluster.DisposeAsync();
            throw new InvalidOperationException($"{e.Message}\n\n{diagnostics}", e);
        }
    }

    /// <summary>Starts more silos of this cluster (new ports) in parallel and waits until all are ready.</summary>
    public async Task<IReadOnlyList<SiloProcess>> StartSilosAsync(IReadOnlyList<string> names)
    {
        var silos = names.Select(name => SiloProcess.Start(name, _settings)).ToList();
        _started.AddRange(silos);
        var ready = Task.WhenAll(silos.Select(s => s.WaitUntilReadyAsync()));
        try
        {
            await ready;
        }
        catch (Exception e)
        {
            throw new InvalidOperationException($"Silos {string.Join(", ", names)} did not all become ready: {e.Message}", e);
        }

        return silos;
    }

    public async Task<Tenant> CreateTenantAsync(SiloProcess via, string prefix)
    {
        var tenantId = $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 33, 64)];
        var reply = await via.SendAsync(HttpMethod.Post, "/admin/tenants", AdminKey, new JsonObject { ["tenantId"] = tenantId }.ToJsonString());
        var json = reply.Expect(HttpStatusCode.Created).Json;
        return new Tenant(tenantId, json["token"]!.GetValue<string>(), json["tokenId"]!.GetValue<string>());
    }

    /// <summary>An additional token for the tenant (rotation).</summary>
    public async Task<Tenant> IssueTokenAsync(SiloProcess via, Tenant tenant)
    {
        var json = (await via.SendAsync(HttpMethod.Post, $"/admin/tenants/{tenant.TenantId}/tokens", AdminKey)).Expect(HttpStatusCode.Created).Json;
        return tenant.WithToken(json["token"]!.GetValue<string>(), json["tokenId"]!.GetValue<string>());
    }

    public Task<Reply> RevokeTokenAsync(SiloProcess via, Tenant tenant) =>
        via.SendAsync(HttpMethod.Delete, $"/admin/tenants/{tenant.TenantId}/tokens/{tenant.TokenId}", AdminKey);

    public Task<Reply> TenantInfoAsync(SiloProcess via, Tenant tenant) =>
        via.SendAsync(HttpMethod.Get, $"/admin/tenants/{tenant.TenantId}", AdminKey);

    /// <summary>The partition keys of every row in this cluster's grain state table (Azure Table clusters).</summary>
    public async Task<IReadOnlyList<string>> StoredPartitionKeysAsync()
    {
        var table = new TableClient(_servers.StorageConnectionString, TableName);
        return [.. (await table.QueryAsync<TableEntity>(select: ["PartitionKey"]).ToListAsync()).Select(row => row.PartitionKey)];
    }

    /// <summary>The cluster's rows in its membership table, as the official clustering provider stores them.</summary>
    public Task<IReadOnlyList<MembershipRow>> MembershipAsync() =>
        Backend == ClusterBackend.AzureTable ? AzureTableMembershipAsync() : RedisMembershipAsync();

    /// <summary>Table <c>OrleansSiloInstances</c>: a row per silo in the ClusterId's partition, plus a version row.</summary>
    private async Task<IReadOnlyList<MembershipRow>> AzureTableMembershipAsync()
    {
        var table = new TableClient(_servers.StorageConnectionString, "OrleansSiloInstances");
        var rows = await table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {ClusterId}")).ToListAsync();
        return [.. rows
            .Where(row => row.GetString("SiloName") is not null)
            .Select(row => new MembershipRow(row.GetString("SiloName"), Enum.Parse<SiloStatus>(row.GetString("Status")), $"{row.GetString("Address")}:{row.GetString("Port")}:{row.GetString("Generation")}"))];
    }

    private async Task<IReadOnlyList<MembershipRow>> RedisMembershipAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{_servers.RedisPort}");
        var entries = await redis.GetDatabase().HashGetAllAsync($"{ServiceId}/members/{ClusterId}");
        return [.. entries
            .Where(e => e.Name.ToString().StartsWith('S'))
            .Select(e => JsonNode.Parse(e.Value.ToString())!)
            .Select(row => new MembershipRow(row["SiloName"]!.GetValue<string>(), (SiloStatus)row["Status"]!.GetValue<int>(), row["SiloAddress"]!["SiloAddress"]!.GetValue<string>()))];
    }

    /// <summary>
    /// Runs a test body; whatever fails in it fails with the output of every silo process attached,
    /// which is usually where the reason is.
    /// </summary>
    public async Task VerifyAsync(Func<Task> test)
    {
        try
        {
            await test();
        }
        catch (Exception e)
        {
            // The original stack trace goes into the message: an inner exception would repeat the message, output included.
            throw new XunitException($"{e.GetType().Name}: {e.Message}\n{e.StackTrace}\n\n{Diagnostics()}");
        }
    }

    public string Diagnostics()
    {
        var text = new StringBuilder($"Cluster {ClusterId}, table {TableName}:\n");
        foreach (var silo in _started)
        {
            text.Append("\n===== ").Append(silo).Append(silo.HasExited ? $", exited with {silo.ExitCode}" : ", running").Append(" =====\n").Append(silo.Output());
        }

        return text.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _started)
        {
            await silo.DisposeAsync();
        }
    }
}

/// <summary>Orleans' <c>SiloStatus</c> values as stored in the membership table.</summary>
public enum SiloStatus
{
    None = 0,
    Created = 1,
    Joining = 2,
    Active = 3,
    ShuttingDown = 4,
    Stopping = 5,
    Dead = 6,
}

public sealed record MembershipRow(string SiloName, SiloStatus Status, string Address);

/// <summary>Where a cluster keeps membership and grain state.</summary>
public enum ClusterBackend
{
    /// <summary>Both in Azure Table storage (Azurite), through one connection string.</summary>
    AzureTable,

    /// <summary>Both in Redis.</summary>
    Redis,
}

public static class ReplyAssertions
{
    /// <summary>Fails unless the reply has <paramref name="expected"/> status; returns it for chaining.</summary>
    public static Reply Expect(this Reply reply, HttpStatusCode expected)
    {
        Assert.True(reply.Status == expected, $"Expected {(int)expected} {expected}: {reply}");
        return reply;
    }

    /// <summary>Fails unless the reply is a 200 ListResponse whose totalResults and resources both count <paramref name="expected"/>.</summary>
    public static Reply ExpectList(this Reply reply, int expected)
    {
        reply.Expect(HttpStatusCode.OK);
        Assert.True(reply.TotalResults == expected && reply.Resources.Count == expected, $"Expected {expected} results: {reply}");
        return reply;
    }
}
