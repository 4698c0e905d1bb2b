using Azure.Data.Tables;

namespace OrleansScim.Storage.AzureTable;

/// <summary>
/// Splits serialized state over the binary properties <c>Data</c>, <c>Data1</c> … <c>Data14</c>
/// (a binary property holds at most 64 KiB) and joins them back.
/// </summary>
/// <remarks>
/// 15 × 64 KiB = 960 KiB. With keys of at most 1 KiB each and the per-property overhead of 15
/// property names, an entity stays under Azure's 1 MiB entity limit, so this is the capacity
/// checked before sending; beyond it the write fails with <see cref="TableStorageLimitException"/>.
/// </remarks>
internal static class StateChunks
{
    public const int ChunkSize = 64 * 1024;
    public const int MaxChunks = 15;
    public const int MaxStateBytes = ChunkSize * MaxChunks;

    private static readonly string[] PropertyNames =
        [.. Enumerable.Range(0, MaxChunks).Select(i => i == 0 ? "Data" : $"Data{i}")];

    public static void EnsureFits(int stateBytes, string subject)
    {
        if (stateBytes > MaxStateBytes)
        {
            throw new TableStorageLimitException(
                $"The serialized {subject} is {stateBytes} bytes, above the {MaxStateBytes} bytes (960 KiB) one Azure Table entity can hold. The stored state was left unchanged.",
                stateBytes,
                MaxStateBytes);
        }
    }

    public static void Write(ReadOnlyMemory<byte> state, TableEntity entity)
    {
        for (int offset = 0, index = 0; offset < state.Length; offset += ChunkSize, index++)
        {
            entity[PropertyNames[index]] = state.Slice(offset, Math.Min(ChunkSize, state.Length - offset)).ToArray();
        }
    }

    public static byte[] Read(TableEntity entity)
    {
        var chunks = PropertyNames
            .Select(entity.GetBinary)
            .TakeWhile(chunk => chunk is not null)
            .Select(chunk => chunk!)
            .ToList();
        var state = new byte[chunks.Sum(chunk => chunk.Length)];
        var offset = 0;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(state, offset);
            offset += chunk.Length;
        }

        return state;
    }
}
