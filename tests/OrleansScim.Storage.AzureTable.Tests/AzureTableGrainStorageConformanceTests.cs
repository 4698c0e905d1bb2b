using Azure.Data.Tables;
using Orleans.Storage;
using OrleansScim.Storage.AzureTable.Tests.Grains;
using OrleansScim.Storage.AzureTable.Tests.Infrastructure;

namespace OrleansScim.Storage.AzureTable.Tests;

/// <summary>The conformance suite plus what only the Azure Table provider promises, on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class AzureTableGrainStorageConformanceTests(AzuriteFixture fixture) : GrainStorageConformanceTests(fixture)
{
    [Fact]
    public async Task SiloStart_CreatesTheConfiguredTable()
    {
        var service = new TableServiceClient(fixture.ConnectionString);

        var tables = await service.QueryAsync(TableClient.CreateQueryFilter($"TableName eq {AzuriteFixture.TableName}")).ToListAsync();

        Assert.Single(tables);
    }

    [Fact]
    public async Task Grain_State_IsStoredInItsTenantsPartition()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>($"{Tenant}/counter");
        await grain.IncrementAsync();

        var rows = await fixture.Table
            .QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {fixture.ServiceId + "|" + Tenant}"))
            .ToListAsync();

        var row = Assert.Single(rows);
        Assert.Equal($"counter|{Tenant}~2Fcounter|counter", row.RowKey);
    }

    [Fact]
    public async Task WriteState_BeyondEntityCapacity_FailsClearlyAndKeepsOldRecord()
    {
        var id = Id($"{Tenant}/huge");
        var old = await WriteAsync(id, new Record(new TestState { Text = "old" }));
        var etag = old.ETag;
        old.State.Text = RandomText(1000 * 1024);

        var error = await Assert.ThrowsAsync<TableStorageLimitException>(() => Storage.WriteStateAsync(StateName, id, old));

        Assert.Equal(983_040, error.Limit);
        Assert.True(error.ActualSize > error.Limit);
        Assert.Contains(error.ActualSize.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("983040", error.Message, StringComparison.Ordinal);
        Assert.Equal(etag, old.ETag);
        var read = await ReadAsync(id);
        Assert.Equal("old", read.State.Text);
        Assert.Equal(etag, read.ETag);
    }

    [Fact]
    public async Task WriteState_KeyTooLongAfterEscaping_FailsClearlyWithoutTruncating()
    {
        // 200 characters, but each '/' escapes to three.
        var id = Id($"{Tenant}/{new string('/', 200)}");

        var error = await Assert.ThrowsAsync<TableStorageLimitException>(
            () => Storage.WriteStateAsync(StateName, id, new Record(new TestState())));

        Assert.Contains("RowKey", error.Message, StringComparison.Ordinal);
        Assert.Equal(512, error.Limit);
        Assert.False((await ReadAsync(Id($"{Tenant}/{new string('/', 100)}"))).RecordExists);
    }

    [Fact]
    public async Task DeleteTenantPartition_RemovesEveryRecordOfThatTenantAndNothingElse()
    {
        var other = $"{Tenant}x";
        var doomed = Enumerable.Range(0, 150).Select(i => Id($"{Tenant}/user{i}")).ToList();
        var kept = new[] { Id($"{other}/user0"), Id($"{Tenant}_global"), Id($"{Tenant}x/{Tenant}") };
        await Task.WhenAll(doomed.Concat(kept).Select(id => WriteAsync(id, new Record(new TestState { Text = "x" }))));
        await Storage.WriteStateAsync("other", GrainId.Create("othertype", $"{Tenant}/user0"), new Record(new TestState()));

        var deleted = await fixture.AzureStorage.DeleteTenantPartitionAsync(Tenant);

        Assert.Equal(151, deleted);
        foreach (var id in doomed)
        {
            Assert.False((await ReadAsync(id)).RecordExists);
        }

        foreach (var id in kept)
        {
            Assert.True((await ReadAsync(id)).RecordExists);
        }
    }

    [Fact]
    public async Task DeleteTenantPartition_UnknownTenant_DeletesNothing()
    {
        Assert.Equal(0, await fixture.AzureStorage.DeleteTenantPartitionAsync($"{Tenant}-unknown"));
    }

    [Fact]
    public async Task DeleteTenantPartition_KeyWithSlash_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => fixture.AzureStorage.DeleteTenantPartitionAsync($"{Tenant}/alice"));
    }
}
