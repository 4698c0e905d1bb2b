using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using StackExchange.Redis;

namespace OrleansScim.Storage.AzureTable.Tests.Infrastructure;

/// <summary>A local redis-server plus a silo whose storage "store" is the official Redis provider.</summary>
public sealed class RedisFixture : IAsyncLifetime, IStorageFixture
{
    private LocalServer? _redis;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var redisServer = LocalServer.FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not on PATH: install it (Debian: apt-get install redis-server).");
        _redis = await LocalServer.StartAsync(redisServer, (port, directory) =>
        [
            "--save", "",
            "--appendonly", "no",
            "--port", port.ToString(CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", directory,
        ]);

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddRedisGrainStorage(TestStorage.Name, options =>
        {
            options.ConfigurationOptions = new ConfigurationOptions { EndPoints = { { "127.0.0.1", _redis.Port } } };

            // Clear deletes the record, as ours does; by default Redis overwrites it with an empty state.
            options.DeleteStateOnClear = true;
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        Storage = Cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(TestStorage.Name);
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
