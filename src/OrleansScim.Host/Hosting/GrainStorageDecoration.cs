using Orleans.Storage;

namespace OrleansScim.Host.Hosting;

/// <summary>
/// Wraps a named grain storage provider: Orleans registers each provider as a keyed singleton made by a
/// factory, and the wrapper's registration takes that factory over (the telemetry decorator, and tests that
/// hold storage calls).
/// </summary>
internal static class GrainStorageDecoration
{
    /// <summary>Replaces the provider registered under <paramref name="name"/> with <paramref name="wrap"/> of it.</summary>
    public static void Decorate(IServiceCollection services, string name, Func<IServiceProvider, IGrainStorage, IGrainStorage> wrap)
    {
        var registered = services.Last(d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name) && d.KeyedImplementationFactory is not null);
        var factory = registered.KeyedImplementationFactory!;
        services.Remove(registered);
        services.AddKeyedSingleton<IGrainStorage>(name, (provider, key) => wrap(provider, (IGrainStorage)factory(provider, key)));
    }
}
