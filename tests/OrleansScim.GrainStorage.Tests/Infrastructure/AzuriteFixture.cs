using Azure.Data.Tables;
using Orleans.Storage;
using Orleans.TestingHost;
using OrleansScim.Host.Hosting;

namespace OrleansScim.GrainStorage.Tests.Infrastructure;

/// <summary>Azurite's table service plus a silo whose grain storage is the official Azure Table provider, configured as the host configures it.</summary>
public sealed class AzuriteFixture : IAsyncLifetime, IStorageFixture
{
    /// <summary>Not the default, to show the option is honoured.</summary>
    public const string TableName = "ScimConformance";

    private LocalServer? _azurite;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage { get; private set; } = null!;

    public IServiceProvider SiloServices => Cluster.Silos[0].ServiceProvider;

    public string ConnectionString { get; private set; } = null!;

    public string ServiceId => Cluster.Options.ServiceId;

    /// <summary>A client of its own, to look at the table behind the provider's back.</summary>
    public TableClient Table { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _azurite = await TestServers.StartAzuriteAsync();
        ConnectionString = TestServers.AzuriteConnectionString(_azurite.Port);
        Table = new TableClient(ConnectionString, TableName);
        Cluster = await StorageSilo.StartAsync(new StorageOptions
        {
            Provider = StorageProvider.AzureTable,
            ConnectionString = ConnectionString,
            TableName = TableName,
        });
        Storage = StorageSilo.StorageOf(Cluster);
    }

    public async Task DisposeAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
