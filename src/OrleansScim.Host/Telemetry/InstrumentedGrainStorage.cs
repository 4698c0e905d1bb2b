using System.Diagnostics;
using Orleans.Storage;
using OrleansScim.Host.Hosting;

namespace OrleansScim.Host.Telemetry;

/// <summary>Grain storage operations counted by <see cref="InstrumentedGrainStorage"/>, for the benchmarks' operations per created user (GET /bench/storage).</summary>
public sealed class StorageOperationCounts
{
    private long _reads;
    private long _writes;
    private long _clears;

    public object Snapshot() => new { reads = Interlocked.Read(ref _reads), writes = Interlocked.Read(ref _writes), clears = Interlocked.Read(ref _clears) };

    internal void Read() => Interlocked.Increment(ref _reads);

    internal void Wrote() => Interlocked.Increment(ref _writes);

    internal void Cleared() => Interlocked.Increment(ref _clears);
}

/// <summary>
/// Times and counts every read, write and clear that reaches the grain storage provider
/// (<see cref="ScimMetrics.StorageCall"/>, and <see cref="StorageOperationCounts"/> for the benchmarks). A
/// decorator rather than Orleans' own storage instruments: those are recorded for grains' persistent state
/// only, and the index store calls the provider directly.
/// </summary>
internal sealed class InstrumentedGrainStorage(IGrainStorage inner, ScimMetrics metrics, StorageOperationCounts counts) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Wraps the provider registered under <paramref name="name"/> (Orleans registers providers as keyed singletons).</summary>
    public static void Decorate(IServiceCollection services, string name)
    {
        services.AddSingleton<StorageOperationCounts>();
        GrainStorageDecoration.Decorate(services, name, (provider, inner) => new InstrumentedGrainStorage(
            inner, provider.GetRequiredService<ScimMetrics>(), provider.GetRequiredService<StorageOperationCounts>()));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Read();
        return MeasureAsync("read", grainId, () => inner.ReadStateAsync(stateName, grainId, grainState));
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Wrote();
        return MeasureAsync("write", grainId, () => inner.WriteStateAsync(stateName, grainId, grainState));
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Cleared();
        return MeasureAsync("clear", grainId, () => inner.ClearStateAsync(stateName, grainId, grainState));
    }

    /// <summary>Providers that initialize in the silo lifecycle (the Azure Table one creates its table) still do.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);

    private async Task MeasureAsync(string operation, GrainId grainId, Func<Task> call)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await call();
        }
        catch (Exception failure)
        {
            // The grain type only: the key holds the tenant id and, for index records, what a client wrote.
            metrics.StorageCall(operation, grainId.Type.ToString()!, Stopwatch.GetElapsedTime(started), failure);
            throw;
        }

        metrics.StorageCall(operation, grainId.Type.ToString()!, Stopwatch.GetElapsedTime(started), null);
    }
}
