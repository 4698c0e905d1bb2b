using Microsoft.Extensions.DependencyInjection;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansScim.Grains.Hosting;
using OrleansScim.Host.Hosting;

namespace OrleansScim.GrainStorage.Tests.Infrastructure;

/// <summary>A one-silo test cluster whose grain storage comes from the host's own storage configuration.</summary>
public static class StorageSilo
{
    public static async Task<InProcessTestCluster> StartAsync(StorageOptions storage)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            SiloConfiguration.ConfigureStorage(silo, storage, new AzureTableClients());

            // The serializer the host's silos have (AddScimGrains), without the SCIM grains' other services.
            silo.Services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static IGrainStorage StorageOf(InProcessTestCluster cluster) =>
        cluster.Silos[0].ServiceProvider.GetRequiredKeyedService<IGrainStorage>(OrleansScim.Grains.GrainStorage.Name);
}
