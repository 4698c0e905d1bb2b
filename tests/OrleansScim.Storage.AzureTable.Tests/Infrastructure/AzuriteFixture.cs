using System.Globalization;
using Azure.Data.Tables;
using Orleans.Storage;
using Orleans.TestingHost;

namespace OrleansScim.Storage.AzureTable.Tests.Infrastructure;

/// <summary>Azurite's table service plus a silo whose storage "store" is the Azure Table provider.</summary>
public sealed class AzuriteFixture : IAsyncLifetime, IStorageFixture
{
    /// <summary>Azurite's well-known development account key (public, not a secret; as in Azurite's source).</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Not the default, to show the option is honoured.</summary>
    public const string TableName = "ScimConformance";

    private LocalServer? _azurite;

    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainStorage Storage => AzureStorage;

    public AzureTableGrainStorage AzureStorage { get; private set; } = null!;

    public IServiceProvider SiloServices { get; private set; } = null!;

    public string ConnectionString { get; private set; } = null!;

    public string ServiceId => Cluster.Options.ServiceId;

    /// <summary>A client of its own, to look at the table behind the provider's back.</summary>
    public TableClient Table { get; private set; } = null!;

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        var root = RepositoryRoot.Find();
        var azurite = Path.Combine(root, "node_modules", ".bin", "azurite-table");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException($"Azurite is not installed ({azurite} is missing): run `npm ci` in the repository root {root}.");
        }

        _azurite = await LocalServer.StartAsync(azurite, (port, directory) =>
        [
            "--tableHost", "127.0.0.1",
            "--tablePort", port.ToString(CultureInfo.InvariantCulture),
            "--location", directory,
            "--skipApiVersionCheck",
            "--disableTelemetry",
            "--silent",
        ]);
        ConnectionString = ConnectionStringFor(_azurite.Port);
        Table = new TableClient(ConnectionString, TableName);

        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) => silo.AddAzureTableGrainStorage(TestStorage.Name, options =>
        {
            options.ConnectionString = ConnectionString;
            options.TableName = TableName;
        }));
        Cluster = builder.Build();
        await Cluster.DeployAsync();
        SiloServices = Cluster.Silos[0].ServiceProvider;
        AzureStorage = SiloServices.GetAzureTableGrainStorage(TestStorage.Name);
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
