namespace OrleansScim.Host.Hosting;

/// <summary>Section <c>Storage</c>: where grain state lives.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Memory;

    /// <summary>Azure Storage connection string (AzureTable) or StackExchange.Redis configuration (Redis). A secret: never logged.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Table name for AzureTable.</summary>
    public string TableName { get; set; } = "OrleansScimState";
}

public enum StorageProvider
{
    /// <summary>Orleans' in-memory storage: nothing survives a restart.</summary>
    Memory,
    AzureTable,
    Redis,
}
