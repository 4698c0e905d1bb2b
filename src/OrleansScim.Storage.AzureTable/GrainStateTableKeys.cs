namespace OrleansScim.Storage.AzureTable;

/// <summary>Where one grain's state lives in the table.</summary>
/// <remarks>
/// <para>
/// PartitionKey = escape(ServiceId) | escape(tenantKey), where the tenant key is the part of the
/// grain key before its first <c>/</c>, so that one tenant's records can be found and deleted by
/// partition. Grain keys without <c>/</c> are global and go to escape(ServiceId) | <c>~global</c>:
/// escaped text never holds <c>~g</c>, so no tenant (not even one named <c>_global</c>) shares it.
/// </para>
/// <para>
/// RowKey = escape(grain type) | escape(full grain key) | escape(state name).
/// </para>
/// <para>
/// Escaping is injective and never emits <c>|</c>, so different identities never share a key.
/// Keys are limited to 1 KiB, i.e. <see cref="MaxKeyLength"/> UTF-16 characters (Azurite checks
/// the same); a longer key fails with <see cref="TableStorageLimitException"/>, never truncated.
/// </para>
/// </remarks>
internal readonly record struct GrainStateTableKeys(string PartitionKey, string RowKey)
{
    /// <summary>1 KiB of UTF-16.</summary>
    public const int MaxKeyLength = 512;

    private const string GlobalPartitionSuffix = "~global";

    public static GrainStateTableKeys For(string serviceId, GrainId grainId, string stateName)
    {
        ArgumentNullException.ThrowIfNull(stateName);
        var grainType = grainId.Type.ToString()!;
        var grainKey = grainId.Key.ToString()!;
        var slash = grainKey.IndexOf('/', StringComparison.Ordinal);
        var partitionKey = slash < 0 ? GlobalPartition(serviceId) : TenantPartition(serviceId, grainKey[..slash]);
        var rowKey = string.Join(
            TableKeyEscaping.Separator,
            TableKeyEscaping.Escape(grainType),
            TableKeyEscaping.Escape(grainKey),
            TableKeyEscaping.Escape(stateName));
        EnsureLength("RowKey", rowKey, $"state '{stateName}' of grain {grainId}");
        return new GrainStateTableKeys(partitionKey, rowKey);
    }

    public static string TenantPartition(string serviceId, string tenantKey)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        ArgumentNullException.ThrowIfNull(tenantKey);
        var partitionKey = TableKeyEscaping.Escape(serviceId) + TableKeyEscaping.Separator + TableKeyEscaping.Escape(tenantKey);
        EnsureLength("PartitionKey", partitionKey, $"tenant '{tenantKey}'");
        return partitionKey;
    }

    public static string GlobalPartition(string serviceId)
    {
        ArgumentNullException.ThrowIfNull(serviceId);
        var partitionKey = TableKeyEscaping.Escape(serviceId) + TableKeyEscaping.Separator + GlobalPartitionSuffix;
        EnsureLength("PartitionKey", partitionKey, "global grains");
        return partitionKey;
    }

    private static void EnsureLength(string keyName, string key, string subject)
    {
        if (key.Length > MaxKeyLength)
        {
            throw new TableStorageLimitException(
                $"The Azure Table {keyName} for {subject} is {key.Length} characters after escaping, above the limit of {MaxKeyLength} characters (1 KiB). Use a shorter key; keys are never truncated.",
                key.Length,
                MaxKeyLength);
        }
    }
}
