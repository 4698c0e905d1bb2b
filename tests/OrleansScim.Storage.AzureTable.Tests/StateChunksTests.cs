using System.Security.Cryptography;
using Azure.Data.Tables;

namespace OrleansScim.Storage.AzureTable.Tests;

public sealed class StateChunksTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(StateChunks.ChunkSize, 1)]
    [InlineData(StateChunks.ChunkSize + 1, 2)]
    [InlineData(StateChunks.MaxStateBytes, StateChunks.MaxChunks)]
    public void WriteThenRead_RoundTripsOverDataToData14(int size, int properties)
    {
        var state = RandomNumberGenerator.GetBytes(size);
        var entity = new TableEntity("p", "r");

        StateChunks.Write(state, entity);

        Assert.Equal(properties, entity.Keys.Count(key => key.StartsWith("Data", StringComparison.Ordinal)));
        Assert.All(entity.Keys.Where(key => key.StartsWith("Data", StringComparison.Ordinal)), key => Assert.True(entity.GetBinary(key)!.Length <= 64 * 1024));
        if (properties == StateChunks.MaxChunks)
        {
            Assert.NotNull(entity.GetBinary("Data14"));
        }

        Assert.Equal(state, StateChunks.Read(entity));
    }

    [Fact]
    public void EnsureFits_OneByteOverCapacity_FailsWithSizeAndLimit()
    {
        StateChunks.EnsureFits(StateChunks.MaxStateBytes, "state");

        var error = Assert.Throws<TableStorageLimitException>(() => StateChunks.EnsureFits(StateChunks.MaxStateBytes + 1, "state"));

        Assert.Equal(StateChunks.MaxStateBytes + 1, error.ActualSize);
        Assert.Contains("983041", error.Message, StringComparison.Ordinal);
        Assert.Contains("983040", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FullEntity_WithLongestKeys_StaysUnderAzures1MiBEntityLimit()
    {
        // Azure's entity size: 4 + 2 × (PartitionKey + RowKey characters)
        //   + per property 8 + 2 × name characters + value (binary: 4 + bytes).
        var keys = 4 + (2 * (2 * GrainStateTableKeys.MaxKeyLength));
        var properties = Enumerable.Range(0, StateChunks.MaxChunks)
            .Sum(i => 8 + (2 * (i == 0 ? "Data" : $"Data{i}").Length) + 4 + StateChunks.ChunkSize);

        Assert.True(keys + properties <= 1024 * 1024, $"{keys + properties} bytes");
    }
}
