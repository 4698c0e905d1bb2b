namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// What every cluster in this test run shares: Azurite's table service (membership and grain state of
/// the AzureTable clusters) and a <c>redis-server</c> (membership and grain state of the Redis clusters),
/// each started on a free loopback port with its data in a temp folder. Each cluster gets its own
/// ClusterId, ServiceId and table, so clusters never see each other's data. Missing servers fail the
/// tests with how to install them; nothing is skipped.
/// </summary>
public sealed class ClusterServers : IAsyncLifetime
{
    private readonly Lock _sharedLock = new();
    private LocalServer? _redis;
    private LocalServer? _azurite;
    private Task<ScimCluster>? _shared;

    public int RedisPort => _redis!.Port;

    public string RedisConnectionString => TestServers.RedisConnectionString(RedisPort);

    public string StorageConnectionString => TestServers.AzuriteConnectionString(_azurite!.Port);

    public async Task InitializeAsync()
    {
        var redis = TestServers.StartRedisAsync();
        var table = TestServers.StartAzuriteAsync();
        try
        {
            await Task.WhenAll(redis, table);
        }
        catch
        {
            // Neither server is left running when the other one failed to start.
            await DisposeStartedAsync(redis);
            await DisposeStartedAsync(table);
            throw;
        }

        _redis = await redis;
        _azurite = await table;
    }

    /// <summary>
    /// One three-silo cluster (a, b, c) on Azure Table membership and state, for the tests that only read
    /// and write: started on first use, stopped with the servers. Tests that stop or kill silos, or run on
    /// Redis, start clusters of their own.
    /// </summary>
    public Task<ScimCluster> SharedClusterAsync()
    {
        lock (_sharedLock)
        {
            return _shared ??= ScimCluster.StartAsync(this, ["a", "b", "c"], ScimCluster.FastFailureDetection);
        }
    }

    public async Task DisposeAsync()
    {
        if (_shared is { IsCompletedSuccessfully: true })
        {
            await (await _shared).DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private static async Task DisposeStartedAsync(Task<LocalServer> starting)
    {
        if (starting.IsCompletedSuccessfully)
        {
            await (await starting).DisposeAsync();
        }
    }
}

/// <summary>
/// All cluster tests in one collection: they run one after another (a two-core machine runs one
/// cluster at a time well) and share the Azurite and Redis servers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterServers>
{
    public const string Name = "Cluster";
}
