using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Storage;
using OrleansScim.GrainStorage.Tests.Grains;
using OrleansScim.GrainStorage.Tests.Infrastructure;

namespace OrleansScim.GrainStorage.Tests;

/// <summary>
/// The conformance suite against the official Azure Table provider on Azurite, plus the parts of its
/// layout the service and the README rely on.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTableGrainStorageTests(AzuriteFixture fixture) : GrainStorageConformanceTests(fixture)
{
    [Fact]
    public async Task SiloStart_CreatesTheConfiguredTable()
    {
        var service = new TableServiceClient(fixture.ConnectionString);

        var tables = await service.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {AzuriteFixture.TableName}")).ToListAsync();

        Assert.Single(tables);
    }

    [Fact]
    public async Task GrainState_IsOneRowInAPartitionOfItsOwn_WithTheBinarySerializersBytes()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>($"{Tenant}/counter");
        await grain.IncrementAsync();

        // PartitionKey "{ServiceId}_{grain type}/{key}" with / \ # ? replaced by _; RowKey the state name.
        var partitionKey = $"{fixture.ServiceId}_counter_{Tenant}_counter";
        var rows = await fixture.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partitionKey}")).ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal("counter", row.RowKey);
        var data = Assert.IsType<byte[]>(row["Data"]);
        Assert.False(row.ContainsKey("StringData"));
        var serializer = fixture.SiloServices.GetRequiredService<IGrainStorageSerializer>();
        Assert.Equal(1, serializer.Deserialize<TestState>(new BinaryData(data))!.Counter);
    }

    [Fact]
    public async Task ClearState_DeletesTheRow()
    {
        var id = Id($"{Tenant}/doomed");
        var state = await WriteAsync(id, new Record(new TestState { Text = "x" }));

        await Storage.ClearStateAsync(StateName, id, state);

        var rows = await fixture.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{fixture.ServiceId}_{GrainType}_{Tenant}_doomed"}")).ToListAsync();
        Assert.Empty(rows);
    }

    [Fact]
    public void Options_AreTheHostsChoices_AndAsLoggedHoldNoSecret()
    {
        var options = fixture.SiloServices.GetRequiredService<IOptionsMonitor<AzureTableStorageOptions>>().Get(OrleansScim.Grains.GrainStorage.Name);
        var logged = string.Join('\n', fixture.SiloServices
            .GetRequiredService<IOptionFormatterResolver<AzureTableStorageOptions>>()
            .Resolve(OrleansScim.Grains.GrainStorage.Name)
            .Format());

        Assert.True(options.DeleteStateOnClear);
        Assert.False(options.UseStringFormat);
        Assert.IsType<OrleansGrainStorageSerializer>(options.GrainStorageSerializer);
        Assert.Equal(AzuriteFixture.TableName, options.TableName);
        Assert.Contains(AzuriteFixture.TableName, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(TestServers.AzuriteAccountKey, logged, StringComparison.Ordinal);
        Assert.DoesNotContain("AccountKey", logged, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task WriteState_BeyondEntityCapacity_FailsAndKeepsTheOldRecord()
    {
        var id = Id($"{Tenant}/huge");
        var old = await WriteAsync(id, new Record(new TestState { Text = "old" }));
        var etag = old.ETag;
        old.State.Text = RandomText(1000 * 1024);

        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Storage.WriteStateAsync(StateName, id, old));

        Assert.Contains("983040", error.Message, StringComparison.Ordinal);
        Assert.Equal(etag, old.ETag);
        var read = await ReadAsync(id);
        Assert.Equal("old", read.State.Text);
        Assert.Equal(etag, read.ETag);
    }

    /// <summary>
    /// Why the service encodes every value it puts in a grain key: the provider's key cleaning merges raw
    /// keys that differ only in <c>/ \ # ?</c> and <c>_</c> into one row.
    /// </summary>
    [Fact]
    public async Task RawKeysDifferingOnlyInCleanedCharacters_ShareOneRow()
    {
        await WriteAsync(Id($"{Tenant}/a#b"), new Record(new TestState { Text = "written as a#b" }));

        Assert.Equal("written as a#b", (await ReadAsync(Id($"{Tenant}_a?b"))).State.Text);
    }

    /// <summary>
    /// Azure limits keys to 1 KiB; the provider refuses 1,024 characters and more itself and leaves shorter
    /// ones to the service. The service never builds keys near either (resource ids are bounded, index values
    /// hashed); this pins down what a longer key would do: fail, and store nothing.
    /// </summary>
    [Theory]
    [InlineData(600)]
    [InlineData(1100)]
    public async Task WriteState_KeyBeyondAzuresLimit_FailsAndStoresNothing(int length)
    {
        var id = Id($"{Tenant}/{new string('k', length)}");

        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteStateAsync(StateName, id, new Record(new TestState())));

        var rows = await fixture.Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey ge {$"{fixture.ServiceId}_{GrainType}_{Tenant}_k"}")).ToListAsync();
        Assert.DoesNotContain(rows, row => row.PartitionKey.Contains(new string('k', 100), StringComparison.Ordinal));
    }
}
