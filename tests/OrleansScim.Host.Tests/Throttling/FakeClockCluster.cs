using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;
using OrleansScim.Grains;
using OrleansScim.Grains.Hosting;

namespace OrleansScim.Host.Tests.Throttling;

/// <summary>
/// Three in-process silos whose grains read time from one <see cref="FakeTimeProvider"/> that only the
/// tests advance. Only Orleans' clock for grains is replaced: membership, messaging and activation
/// collection keep real time, so the cluster runs normally while the throttle buckets stand still.
/// </summary>
public sealed class FakeClockCluster : IAsyncLifetime
{
    public const int SiloCount = 3;

    private InProcessTestCluster _cluster = null!;

    public FakeTimeProvider Clock { get; } = new();

    public IGrainFactory Grains(int silo) => _cluster.Silos[silo].ServiceProvider.GetRequiredService<IGrainFactory>();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(SiloCount);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorage.Name);
            silo.UseInMemoryReminderService();
            silo.AddScimGrains();
            silo.Services.AddKeyedSingleton<TimeProvider>(TimeProviderNames.Grains, Clock);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();
}
