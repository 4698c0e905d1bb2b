using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansScim.Storage.AzureTable.Tests.Infrastructure;

/// <summary>A running silo with a grain storage named <see cref="TestStorage.Name"/>.</summary>
public interface IStorageFixture
{
    InProcessTestCluster Cluster { get; }

    /// <summary>The storage as registered in the silo (resolved by name).</summary>
    IGrainStorage Storage { get; }
}

public static class TestStorage
{
    /// <summary>Name every fixture registers its storage under; the test grain uses it.</summary>
    public const string Name = "store";
}
