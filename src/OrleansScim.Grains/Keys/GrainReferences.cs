using System.Collections.Concurrent;

namespace OrleansScim.Grains.Keys;

/// <summary>
/// Grain references for string keys on the request hot path. <see cref="IGrainFactory.GetGrain{T}(string, string)"/>
/// resolves the grain interface type from its attributes on every call (reflection, visible in CPU
/// profiles of GET /Users/{id}); the types never change, so they are resolved once per interface here
/// and references are built from them directly.
/// </summary>
public static class GrainReferences
{
    private static readonly ConcurrentDictionary<Type, (GrainType Grain, GrainInterfaceType Interface)> Types = new();

    public static T Get<T>(IGrainFactory grains, string key)
        where T : IGrainWithStringKey
    {
        var (grainType, interfaceType) = Types.GetOrAdd(typeof(T), _ =>
        {
            var sample = (GrainReference)(object)grains.GetGrain<T>("type-probe");
            return (sample.GrainId.Type, sample.InterfaceType);
        });
        return (T)grains.GetGrain(GrainId.Create(grainType, key), interfaceType);
    }

    /// <summary>The same for integer keys (e.g. the stateless query grains, key 0).</summary>
    public static T Get<T>(IGrainFactory grains, long key)
        where T : IGrainWithIntegerKey
    {
        var (grainType, interfaceType) = Types.GetOrAdd(typeof(T), _ =>
        {
            var sample = (GrainReference)(object)grains.GetGrain<T>(0);
            return (sample.GrainId.Type, sample.InterfaceType);
        });
        return (T)grains.GetGrain(GrainId.Create(grainType, GrainIdKeyExtensions.CreateIntegerKey(key)), interfaceType);
    }
}
