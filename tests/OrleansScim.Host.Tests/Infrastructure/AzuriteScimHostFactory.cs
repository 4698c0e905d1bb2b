using Microsoft.Extensions.DependencyInjection;

namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// A host of its own whose grain state is in a real Azurite table through the official Azure Table
/// provider (<c>Storage:Provider=AzureTable</c>), as a production deployment keeps it.
/// </summary>
public sealed class AzuriteScimHostFactory : ScimHostFactory, IAsyncLifetime
{
    public const string TableName = "ScimHostTests";

    private LocalServer? _azurite;

    public string StorageConnectionString { get; private set; } = "";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "AzureTable",
        ["Storage:ConnectionString"] = StorageConnectionString,
        ["Storage:TableName"] = TableName,
    };

    public async Task InitializeAsync()
    {
        _azurite = await TestServers.StartAzuriteAsync();
        StorageConnectionString = TestServers.AzuriteConnectionString(_azurite.Port);
    }

    /// <summary>Deactivates every idle grain; the next call reads its state back from the table.</summary>
    public async Task DeactivateAllGrainsAsync() =>
        await Services.GetRequiredService<IGrainFactory>().GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
