using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Hosting;
using Orleans.Storage;

namespace OrleansScim.Storage.AzureTable;

/// <summary>Registers <see cref="AzureTableGrainStorage"/> by name, as the official providers do.</summary>
public static class AzureTableGrainStorageServiceCollectionExtensions
{
    /// <summary>Adds an Azure Table grain storage named <paramref name="name"/>.</summary>
    public static IServiceCollection AddAzureTableGrainStorage(
        this IServiceCollection services,
        string name,
        Action<AzureTableGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(configureOptions);
        return services.AddAzureTableGrainStorage(name, builder => builder.Configure(configureOptions));
    }

    /// <summary>
    /// Adds an Azure Table grain storage named <paramref name="name"/>, configured through an
    /// options builder (e.g. <c>BindConfiguration</c>).
    /// </summary>
    public static IServiceCollection AddAzureTableGrainStorage(
        this IServiceCollection services,
        string name,
        Action<OptionsBuilder<AzureTableGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        configureOptions?.Invoke(services.AddOptions<AzureTableGrainStorageOptions>(name));
        services.AddTransient<IConfigurationValidator>(sp => new AzureTableGrainStorageOptionsValidator(
            sp.GetRequiredService<IOptionsMonitor<AzureTableGrainStorageOptions>>().Get(name), name));
        services.TryAddEnumerable(ServiceDescriptor.Transient<
            IPostConfigureOptions<AzureTableGrainStorageOptions>,
            DefaultStorageProviderSerializerOptionsConfigurator<AzureTableGrainStorageOptions>>());
        services.ConfigureNamedOptionForLogging<AzureTableGrainStorageOptions>(name);
        return services.AddGrainStorage(name, AzureTableGrainStorage.Create);
    }

    /// <summary>The Azure Table grain storage registered under <paramref name="name"/>.</summary>
    /// <exception cref="InvalidOperationException">The storage of that name is of another kind.</exception>
    public static AzureTableGrainStorage GetAzureTableGrainStorage(this IServiceProvider services, string name) =>
        services.GetRequiredKeyedService<IGrainStorage>(name) as AzureTableGrainStorage
        ?? throw new InvalidOperationException($"The grain storage '{name}' is not an {nameof(AzureTableGrainStorage)}.");
}
