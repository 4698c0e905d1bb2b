using System.Net;
using Orleans.Configuration;
using OrleansScim.Grains;
using OrleansScim.Grains.Hosting;
using OrleansScim.Storage.AzureTable;
using StackExchange.Redis;

namespace OrleansScim.Host.Hosting;

/// <summary>Configures the co-hosted silo from <see cref="OrleansHostOptions"/> and <see cref="StorageOptions"/>.</summary>
internal static class SiloConfiguration
{
    public static void Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = orleans.ClusterId;
            options.ServiceId = orleans.ServiceId;
        });
        if (orleans.SiloName is { Length: > 0 } siloName)
        {
            silo.Configure<SiloOptions>(options => options.SiloName = siloName);
        }

        ConfigureClustering(silo, orleans);
        ConfigureStorage(silo, storage);
        silo.Services.PostConfigure<ScimGrainOptions>(options => options.PersistDirectoryDocuments = storage.Provider != StorageProvider.Memory);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = orleans.GrainCollectionAge;

            // Under memory pressure Orleans deactivates the least recently used grains early, so a burst of
            // provisioning across many tenants cannot grow the silo past its memory (container-aware limit).
            options.EnableActivationSheddingOnMemoryPressure = orleans.MemoryLimitPercent > 0;
            if (orleans.MemoryLimitPercent > 0)
            {
                options.MemoryUsageLimitPercentage = orleans.MemoryLimitPercent;
                options.MemoryUsageTargetPercentage = Math.Max(1, orleans.MemoryLimitPercent - 10);
            }
        });

        silo.Configure<GrainDirectoryOptions>(options => options.CacheSize = orleans.DirectoryCacheSize);

        // Failure detection (ProbeTimeout, NumMissedProbesLimit, NumVotesForDeathDeclaration, ...) keeps
        // Orleans' defaults unless Cluster:Membership says otherwise; the cluster tests shorten it.
        silo.Services.Configure<ClusterMembershipOptions>(configuration.GetSection(OrleansHostOptions.MembershipSection));
        GracefulShutdown.Configure(silo.Services);
        silo.AddScimGrains();
    }

    private static void ConfigureClustering(ISiloBuilder silo, OrleansHostOptions orleans)
    {
        switch (orleans.Provider)
        {
            case ClusteringProvider.Redis:
                var redis = orleans.RedisConnectionString
                    ?? throw new InvalidOperationException("Cluster:Provider=Redis needs Cluster:RedisConnectionString.");
                silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                var address = orleans.AdvertisedIPAddress is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback;
                silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: orleans.AdvertisedIPAddress is not null);
                break;
            default:
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                break;
        }
    }

    private static void ConfigureStorage(ISiloBuilder silo, StorageOptions storage)
    {
        switch (storage.Provider)
        {
            case StorageProvider.AzureTable:
                var tableConnection = storage.ConnectionString
                    ?? throw new InvalidOperationException("Storage:Provider=AzureTable needs Storage:ConnectionString.");
                silo.AddAzureTableGrainStorage(GrainStorage.Name, options =>
                {
                    options.ConnectionString = tableConnection;
                    options.TableName = storage.TableName;
                });
                break;
            case StorageProvider.Redis:
                var redisConnection = storage.ConnectionString
                    ?? throw new InvalidOperationException("Storage:Provider=Redis needs Storage:ConnectionString.");
                silo.AddRedisGrainStorage(GrainStorage.Name, options =>
                {
                    options.ConfigurationOptions = ConfigurationOptions.Parse(redisConnection);
                    options.DeleteStateOnClear = true;
                });
                break;
            default:
                silo.AddMemoryGrainStorage(GrainStorage.Name);
                break;
        }
    }
}
