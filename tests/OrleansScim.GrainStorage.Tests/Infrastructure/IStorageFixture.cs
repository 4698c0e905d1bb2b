using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansScim.GrainStorage.Tests.Infrastructure;

/// <summary>A running silo whose grain storage <see cref="OrleansScim.Grains.GrainStorage.Name"/> is configured as the host configures it.</summary>
public interface IStorageFixture
{
    InProcessTestCluster Cluster { get; }

    /// <summary>The storage as registered in the silo (resolved by name).</summary>
    IGrainStorage Storage { get; }
}
