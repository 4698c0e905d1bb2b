using Orleans.Storage;
using Orleans.TestingHost;
using OrleansScim.Host.Hosting;

namespace OrleansScim.GrainStorage.Tests.Infrastructure;

/// <summary>A local redis-server plus a silo whose grain storage is the official Redis provider, configured as the host configures it.</summary>
public sealed class RedisFixture : IAsyncLifetime, IStorageFixture
{
    private LocalServer? _redis;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _redis = await TestServers.StartRedisAsync();
        Cluster = await StorageSilo.StartAsync(new StorageOptions
        {
            Provider = StorageProvider.Redis,
            ConnectionString = TestServers.RedisConnectionString(_redis.Port),
        });
        Storage = StorageSilo.StorageOf(Cluster);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class RedisCollection : ICollectionFixture<RedisFixture>
{
    public const string Name = "Redis";
}
