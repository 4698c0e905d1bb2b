using OrleansScim.Host.Tests.Infrastructure;
using Xunit.Abstractions;

namespace OrleansScim.Host.Tests.Hardening;

/// <summary>
/// The CI soak: 30 seconds of mixed valid and hostile traffic across many tenants through the real host.
/// Zero 5xx, managed memory flat after warm-up (the traffic is bounded), and the data afterwards exactly
/// what the acknowledged requests imply. The long soak runs the same driver against a real host process
/// for 10 minutes (load/soak/run-soak.sh, results in load/README.md); ORLEANSSCIM_SOAK_SECONDS sets the
/// duration of this one.
/// </summary>
[Collection(MemorySensitiveCollection.Name)]
public sealed class SoakTests(SoakTests.Host host, ITestOutputHelper output) : IClassFixture<SoakTests.Host>
{
    [Fact]
    public async Task MixedValidAndHostileTraffic_NoServerErrors_FlatMemory_DataAsAcknowledged()
    {
        var duration = TimeSpan.FromSeconds(int.TryParse(Environment.GetEnvironmentVariable("ORLEANSSCIM_SOAK_SECONDS"), out var seconds) ? seconds : 30);

        // ORLEANSSCIM_SOAK_BASE_URL: drive a host started elsewhere (the long soak); its memory is watched there.
        var external = Environment.GetEnvironmentVariable("ORLEANSSCIM_SOAK_BASE_URL");
        using var client = external is null ? host.CreateClient() : new HttpClient { BaseAddress = new Uri(external) };
        var driver = new SoakDriver(client, external is null ? ScimHostFactory.AdminKey : Environment.GetEnvironmentVariable("ORLEANSSCIM_SOAK_ADMIN_KEY")!);

        Assert.Empty(await driver.RunAsync(duration / 3, modelTenants: 8, hostileTenants: 8, workers: 6));
        var afterWarmUp = ManagedBytes();
        var differences = await driver.RunAsync(duration - (duration / 3), modelTenants: 8, hostileTenants: 8, workers: 6, output.WriteLine);
        var atEnd = ManagedBytes();

        output.WriteLine($"managed heap after warm-up {afterWarmUp / 1048576} MiB, at the end {atEnd / 1048576} MiB");
        Assert.Empty(driver.Totals.ServerErrors);
        Assert.Empty(differences);
        if (external is null)
        {
            // Bounded traffic: what stays is the new tenants' few resources, not a trace of every request. (Orleans'
            // in-memory storage keeps a tombstone per key ever deleted, a few hundred bytes each: see load/README.md.)
            Assert.True(atEnd < afterWarmUp + (16L * 1024 * 1024), $"managed heap grew from {afterWarmUp / 1048576} to {atEnd / 1048576} MiB");
        }
    }

    private static long ManagedBytes()
    {
        // Grains for things that do not exist (guessed tokens and ids) deactivate 2 s after their last call
        // (QuietDeactivation): let the last ones go so that both measurements see the same steady state.
        Thread.Sleep(TimeSpan.FromSeconds(3));
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>
    /// The host with a small grain directory cache, so that the cache (bounded, and full of the ids that
    /// hostile requests made up) is full by the end of the warm-up and cannot pass for growth afterwards.
    /// </summary>
    public sealed class Host : ScimHostFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Cluster:DirectoryCacheSize"] = "5000" };
    }
}
