namespace OrleansScim.Host.Hosting;

/// <summary>Section <c>Storage</c>: where grain state lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The official provider's default table name (what an Azure operator expects to find).</summary>
    public const string DefaultTableName = "OrleansGrainState";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Azure Storage connection string (AzureTable) or StackExchange.Redis configuration (Redis). A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// AzureTable without a secret: the table service's URI (<c>https://ACCOUNT.table.core.windows.net</c>),
    /// authenticated with <c>DefaultAzureCredential</c> (workload identity on AKS, managed identity, environment,
    /// Azure CLI). Instead of <see cref="ConnectionString"/>.
    /// </summary>
    public Uri? TableServiceUri { get; set; }

    /// <summary>Table holding the grain state (AzureTable); created at start when missing.</summary>
    public string TableName { get; set; } = DefaultTableName;
}

public enum StorageProvider
{
    /// <summary>Orleans' in-memory storage: nothing survives a restart.</summary>
    Memory,

    /// <summary>Orleans' official Azure Table provider (Microsoft.Orleans.Persistence.AzureStorage).</summary>
    AzureTable,

    /// <summary>Orleans' official Redis provider (Microsoft.Orleans.Persistence.Redis).</summary>
    Redis,
}
