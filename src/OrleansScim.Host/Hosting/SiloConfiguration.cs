using System.Net;
using Orleans.Configuration;
using OrleansScim.Grains;
using OrleansScim.Grains.Hosting;
using OrleansScim.Grains.Resources;
using OrleansScim.Host.Telemetry;
using StackExchange.Redis;

namespace OrleansScim.Host.Hosting;

/// <summary>Configures the co-hosted silo from <see cref="OrleansHostOptions"/> and <see cref="StorageOptions"/>.</summary>
internal static class SiloConfiguration
{
    public static void Configure(ISiloBuilder silo, IConfiguration configuration)
    {
        var orleans = configuration.GetSection(OrleansHostOptions.Section).Get<OrleansHostOptions>() ?? new OrleansHostOptions();
        var storage = configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();

        // On Kubernetes (KUBERNETES_SERVICE_HOST is set in every pod) Orleans' hosting package takes the silo
        // name, address and ids from the pod (POD_NAME, POD_IP, ORLEANS_CLUSTER_ID/ORLEANS_SERVICE_ID) and
        // its agent tells membership at once when a silo's pod is deleted. Registered first, so that the
        // Cluster:* settings below, configured after it, win where both set the same option.
        var onKubernetes = KubernetesHosting.IsInCluster(configuration);
        if (onKubernetes)
        {
            // Cluster:Kubernetes:DeleteDefunctSiloPods (false by default; the Role then needs pods/delete too).
            silo.UseKubernetesHosting(options => options.Bind(configuration.GetSection(KubernetesHosting.Section)));
        }

        if (ScimTelemetry.TracesEnabled(configuration))
        {
            silo.AddActivityPropagation();
        }

        silo.Configure<ClusterOptions>(options =>
        {
            options.ClusterId = orleans.ClusterId;
            options.ServiceId = orleans.ServiceId;
        });
        if (orleans.SiloName is { Length: > 0 } siloName)
        {
            silo.Configure<SiloOptions>(options => options.SiloName = siloName);
        }

        var tables = new AzureTableClients();
        ConfigureClustering(silo, orleans, storage, tables, onKubernetes);
        ConfigureStorage(silo, storage, tables);
        InstrumentedGrainStorage.Decorate(silo.Services, GrainStorage.Name);
        silo.Services.PostConfigure<ScimGrainOptions>(options => options.PersistDirectoryDocuments = storage.Provider != StorageProvider.Memory);
        silo.Configure<GrainCollectionOptions>(options =>
        {
            options.CollectionAge = orleans.GrainCollectionAge;

            // Orleans' own per-class age; the collector looks for idle grains once per quantum (a minute by
            // default) and refuses ages below it, so the quantum follows the shorter resource age.
            options.ClassSpecificCollectionAge[typeof(UserGrain).FullName!] = orleans.ResourceCollectionAge;
            options.ClassSpecificCollectionAge[typeof(GroupGrain).FullName!] = orleans.ResourceCollectionAge;
            options.CollectionQuantum = TimeSpan.FromTicks(Math.Min(options.CollectionQuantum.Ticks, orleans.ResourceCollectionAge.Ticks / 3));

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

    private static void ConfigureClustering(ISiloBuilder silo, OrleansHostOptions orleans, StorageOptions storage, AzureTableClients tables, bool onKubernetes)
    {
        switch (orleans.Provider)
        {
            case ClusteringProvider.Redis:
                var redis = orleans.RedisConnectionString
                    ?? throw new InvalidOperationException("Cluster:Provider=Redis needs Cluster:RedisConnectionString.");
                silo.UseRedisClustering(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redis));
                ConfigureEndpoints(silo, orleans, onKubernetes);
                break;
            case ClusteringProvider.AzureTable:
                var membershipClient = MembershipUsesOwnAccount(orleans) || storage.Provider != StorageProvider.AzureTable
                    ? tables.Create(OrleansHostOptions.Section, orleans.ConnectionString, orleans.TableServiceUri)
                    : tables.Create(StorageOptions.Section, storage.ConnectionString, storage.TableServiceUri);
                silo.UseAzureStorageClustering(options => options.TableServiceClient = membershipClient);
                ConfigureEndpoints(silo, orleans, onKubernetes);
                break;
            default:
                silo.UseLocalhostClustering(orleans.SiloPort, orleans.GatewayPort, serviceId: orleans.ServiceId, clusterId: orleans.ClusterId);
                break;
        }
    }

    /// <summary>Whether Cluster:* names an Azure account of its own (otherwise membership shares the grain storage's).</summary>
    private static bool MembershipUsesOwnAccount(OrleansHostOptions orleans) =>
        !string.IsNullOrWhiteSpace(orleans.ConnectionString) || orleans.TableServiceUri is not null;

    /// <summary>
    /// Where other silos reach this one: the configured address (a pod's IP), else on Kubernetes the pod's
    /// (the hosting package's, from POD_IP), else loopback (several silos on one machine).
    /// </summary>
    private static void ConfigureEndpoints(ISiloBuilder silo, OrleansHostOptions orleans, bool onKubernetes)
    {
        if (onKubernetes && string.IsNullOrEmpty(orleans.AdvertisedIPAddress))
        {
            silo.Configure<EndpointOptions>(options => (options.SiloPort, options.GatewayPort) = (orleans.SiloPort, orleans.GatewayPort));
            return;
        }

        var address = orleans.AdvertisedIPAddress is { Length: > 0 } ip ? IPAddress.Parse(ip) : IPAddress.Loopback;
        silo.ConfigureEndpoints(address, orleans.SiloPort, orleans.GatewayPort, listenOnAnyHostAddress: orleans.AdvertisedIPAddress is not null);
    }

    /// <summary>
    /// Grain storage <see cref="GrainStorage.Name"/> on the configured provider (also used by the storage tests),
    /// and Orleans' reminders (a tenant's purge resumes through one) on the same storage.
    /// </summary>
    internal static void ConfigureStorage(ISiloBuilder silo, StorageOptions storage, AzureTableClients tables)
    {
        switch (storage.Provider)
        {
            case StorageProvider.AzureTable:
                var client = tables.Create(StorageOptions.Section, storage.ConnectionString, storage.TableServiceUri);
                silo.UseAzureTableReminderService(options => options.TableServiceClient = client);
                silo.AddAzureTableGrainStorage(GrainStorage.Name, options =>
                {
                    options.TableServiceClient = client;
                    options.TableName = storage.TableName;

                    // A cleared state (a deleted user, a purged tenant) leaves no row behind; by default the
                    // provider would keep an empty row for every grain that ever wrote.
                    options.DeleteStateOnClear = true;

                    // GrainStorageSerializer stays unset: the provider then takes the silo's, which
                    // AddScimGrains makes Orleans' binary serializer.
                });
                break;
            case StorageProvider.Redis:
                var redisConnection = storage.ConnectionString
                    ?? throw new InvalidOperationException("Storage:Provider=Redis needs Storage:ConnectionString.");
                silo.UseRedisReminderService(options => options.ConfigurationOptions = ConfigurationOptions.Parse(redisConnection));
                silo.AddRedisGrainStorage(GrainStorage.Name, options =>
                {
                    options.ConfigurationOptions = ConfigurationOptions.Parse(redisConnection);
                    options.DeleteStateOnClear = true;
                });
                break;
            default:
                silo.UseInMemoryReminderService();
                silo.AddMemoryGrainStorage(GrainStorage.Name);
                break;
        }
    }
}
