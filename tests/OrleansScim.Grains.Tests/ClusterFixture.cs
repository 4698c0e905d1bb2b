using Orleans.TestingHost;
using OrleansScim.Grains;
using Microsoft.Extensions.DependencyInjection;
using OrleansScim.Grains.Hosting;

namespace OrleansScim.Grains.Tests;

/// <summary>An in-process cluster of two silos with the SCIM grains on Orleans' in-memory storage.</summary>
public class ClusterFixture : IAsyncLifetime
{
    public const int LargeGroupThreshold = 5;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddScimGrains();

            // Small enough that every test with a few members exercises the member buckets of large groups.
            silo.Services.Configure<ScimGrainOptions>(options =>
            {
                options.InlineGroupMemberLimit = LargeGroupThreshold;
                Configure(options);
            });
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    /// <summary>Lets a derived fixture run the same cluster with other grain options.</summary>
    protected virtual void Configure(ScimGrainOptions options)
    {
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>The cluster as the host runs it on in-memory storage: directory documents are never stored.</summary>
public sealed class UnpersistedDocumentsClusterFixture : ClusterFixture
{
    protected override void Configure(ScimGrainOptions options) => options.PersistDirectoryDocuments = false;
}
