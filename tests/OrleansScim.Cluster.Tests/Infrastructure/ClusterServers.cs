using System.Globalization;

namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>
/// What every cluster in this test run shares: a <c>redis-server</c> (membership) and Azurite's table
/// service (grain storage), each started on a free loopback port with its data in a temp folder. Each
/// cluster gets its own ClusterId, ServiceId and table, so clusters never see each other's data.
/// Missing servers fail the tests with how to install them; nothing is skipped.
/// </summary>
public sealed class ClusterServers : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account key (public, not a secret; as in Azurite's source).</summary>
    private const string AzuriteAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Lock _sharedLock = new();
    private LocalServer? _redis;
    private LocalServer? _azurite;
    private Task<ScimCluster>? _shared;

    public int RedisPort => _redis!.Port;

    public string RedisConnectionString => $"127.0.0.1:{RedisPort}";

    public string StorageConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteAccountKey};TableEndpoint=http://127.0.0.1:{_azurite!.Port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var redisServer = LocalServer.FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not on PATH: install it (Debian: apt-get install redis-server, or run scripts/install-test-deps.sh).");
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run `npm ci` in {root} (or scripts/install-test-deps.sh).");
        }

        var redis = LocalServer.StartAsync(redisServer, (port, directory) =>
        [
            "--save", "",
            "--appendonly", "no",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", directory,
        ]);
        var table = LocalServer.StartAsync(azurite, (port, directory) =>
        [
            "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--location", directory,
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--silent",
        ]);
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
    /// One three-silo cluster (a, b, c) for the tests that only read and write: started on first use,
    /// stopped with the servers. Tests that stop or kill silos start clusters of their own.
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
/// cluster at a time well) and share the Redis and Azurite servers.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterServers>
{
    public const string Name = "Cluster";
}
