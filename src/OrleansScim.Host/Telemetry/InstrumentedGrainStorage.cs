using Orleans.Storage;

namespace OrleansScim.Host.Hosting;

/// <summary>Grain storage operations counted by <see cref="CountingGrainStorage"/> (benchmarks only).</summary>
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
/// Counts every read, write and clear that reaches a grain storage provider, for the benchmarks' storage
/// operations per created user (<c>Benchmarks:Enabled</c> only). A decorator rather than Orleans' storage
/// instruments: those are recorded for grains' persistent state only, and the index store calls the
/// provider directly.
/// </summary>
internal sealed class CountingGrainStorage(IGrainStorage inner, StorageOperationCounts counts) : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>Wraps the provider registered under <paramref name="name"/> (Orleans registers providers as keyed singletons).</summary>
    public static void Decorate(IServiceCollection services, string name)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name) && d.KeyedImplementationFactory is not null);
        var factory = registered.KeyedImplementationFactory!;
        services.Remove(registered);
        services.AddSingleton<StorageOperationCounts>();
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) =>
            new CountingGrainStorage((IGrainStorage)factory(provider, key), provider.GetRequiredService<StorageOperationCounts>()));
    }

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Read();
        return inner.ReadStateAsync(stateName, grainId, grainState);
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Wrote();
        return inner.WriteStateAsync(stateName, grainId, grainState);
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        counts.Cleared();
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }

    /// <summary>Providers that initialize in the silo lifecycle (the Azure Table one creates its table) still do.</summary>
    public void Participate(ISiloLifecycle lifecycle) => (inner as ILifecycleParticipant<ISiloLifecycle>)?.Participate(lifecycle);
}
