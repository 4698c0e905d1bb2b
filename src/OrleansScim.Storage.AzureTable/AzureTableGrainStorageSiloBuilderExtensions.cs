using Microsoft.Extensions.Options;

namespace OrleansScim.Storage.AzureTable;

/// <summary><see cref="ISiloBuilder"/> shortcuts for <see cref="AzureTableGrainStorageServiceCollectionExtensions"/>.</summary>
public static class AzureTableGrainStorageSiloBuilderExtensions
{
    /// <summary>Adds an Azure Table grain storage named <paramref name="name"/>.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<AzureTableGrainStorageOptions> configureOptions)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddAzureTableGrainStorage(name, configureOptions));
    }

    /// <summary>Adds an Azure Table grain storage named <paramref name="name"/>, configured through an options builder.</summary>
    public static ISiloBuilder AddAzureTableGrainStorage(
        this ISiloBuilder builder,
        string name,
        Action<OptionsBuilder<AzureTableGrainStorageOptions>>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.ConfigureServices(services => services.AddAzureTableGrainStorage(name, configureOptions));
    }
}
