using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Orleans.Storage;
using OrleansScim.Grains.Keys;
using OrleansScim.GrainStorage.Tests.Grains;
using OrleansScim.GrainStorage.Tests.Infrastructure;

namespace OrleansScim.GrainStorage.Tests;

/// <summary>
/// What every grain storage must do, written once and run against each provider. Each test uses
/// its own tenant, so tests share one storage without seeing each other's records.
/// </summary>
public abstract class GrainStorageConformanceTests(IStorageFixture fixture)
{
    protected const string StateName = "state";
    protected const string GrainType = "scimtest";

    protected IGrainStorage Storage { get; } = fixture.Storage;

    protected string Tenant { get; } = $"t{Guid.NewGuid():N}";

    [Fact]
    public async Task ReadState_MissingRecord_HasNullETagNoRecordAndFreshState()
    {
        var state = await ReadAsync(Id($"{Tenant}/nobody"));

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.NotNull(state.State);
        Assert.Equal(string.Empty, state.State.Text);
    }

    [Fact]
    public async Task WriteState_ThenRead_RoundTripsStateAndETag()
    {
        var id = Id($"{Tenant}/alice");
        var written = await WriteAsync(id, new Record(new TestState { Text = "hello", Counter = 7 }));

        var read = await ReadAsync(id);

        Assert.True(written.RecordExists);
        Assert.NotNull(written.ETag);
        Assert.True(read.RecordExists);
        Assert.Equal(written.ETag, read.ETag);
        Assert.Equal("hello", read.State.Text);
        Assert.Equal(7, read.State.Counter);
    }

    [Fact]
    public async Task WriteState_EveryWrite_YieldsANewETag()
    {
        var id = Id($"{Tenant}/alice");
        var state = new Record(new TestState());
        var etags = new List<string?>();
        for (var i = 0; i < 3; i++)
        {
            state.State.Counter = i;
            await Storage.WriteStateAsync(StateName, id, state);
            etags.Add(state.ETag);
        }

        Assert.All(etags, Assert.NotNull);
        Assert.Equal(3, etags.Distinct().Count());
        Assert.Equal(etags[^1], (await ReadAsync(id)).ETag);
    }

    [Fact]
    public async Task WriteState_WithStaleETag_ThrowsInconsistentStateAndKeepsNewerRecord()
    {
        var id = Id($"{Tenant}/alice");
        var first = await WriteAsync(id, new Record(new TestState { Text = "v1" }));
        var stale = new Record(new TestState { Text = "stale" }, first.ETag);
        first.State.Text = "v2";
        await Storage.WriteStateAsync(StateName, id, first);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, stale));
        Assert.Equal("v2", (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task WriteState_WithNullETagOverExistingRecord_ThrowsInconsistentState()
    {
        var id = Id($"{Tenant}/alice");
        await WriteAsync(id, new Record(new TestState { Text = "existing" }));
        var blind = new Record(new TestState { Text = "blind" });

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.WriteStateAsync(StateName, id, blind));
        Assert.Equal("existing", (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task ClearState_ThenRead_FindsNoRecord()
    {
        var id = Id($"{Tenant}/alice");
        var state = await WriteAsync(id, new Record(new TestState { Text = "doomed" }));

        await Storage.ClearStateAsync(StateName, id, state);
        var read = await ReadAsync(id);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
        Assert.Null(read.ETag);
        Assert.False(read.RecordExists);
    }

    [Fact]
    public async Task ClearState_ThenWriteWithNullETag_CreatesTheRecordAgain()
    {
        var id = Id($"{Tenant}/alice");
        var state = await WriteAsync(id, new Record(new TestState { Text = "first life" }));
        await Storage.ClearStateAsync(StateName, id, state);

        state.State = new TestState { Text = "second life" };
        await Storage.WriteStateAsync(StateName, id, state);

        Assert.Equal("second life", (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task ClearState_WithStaleETag_ThrowsInconsistentStateAndKeepsRecord()
    {
        var id = Id($"{Tenant}/alice");
        var state = await WriteAsync(id, new Record(new TestState { Text = "v1" }));
        var stale = new Record(new TestState(), state.ETag);
        state.State.Text = "v2";
        await Storage.WriteStateAsync(StateName, id, state);

        await Assert.ThrowsAnyAsync<InconsistentStateException>(() => Storage.ClearStateAsync(StateName, id, stale));
        Assert.Equal("v2", (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task ClearState_MissingRecordWithNullETag_Succeeds()
    {
        var state = new Record(new TestState());

        await Storage.ClearStateAsync(StateName, Id($"{Tenant}/never-written"), state);

        Assert.Null(state.ETag);
        Assert.False(state.RecordExists);
    }

    /// <summary>
    /// The official Azure provider maps <c>/ \ # ?</c> to <c>_</c> in its keys (raw keys that differ only
    /// there share a row: see AzureTableGrainStorageTests); the service percent-encodes every value it
    /// puts in a grain key and hashes index values, so keys it builds from values that differ only in
    /// those characters, or in case, stay distinct.
    /// </summary>
    [Fact]
    public async Task WriteState_KeysTheServiceBuildsFromValuesThatKeyCleaningWouldMerge_DoNotCollide()
    {
        var tenantKey = GrainKeys.TenantKey(Tenant, "1");
        string[] values = ["alice/x", "alice\\x", "alice#x", "alice?x", "alice_x", "Alice_x", "alice%2Fx", "alice~x", "ali'ce\u0001\u009F\u00e9\U0001F600"];
        var keys = values.Select(value => GrainKeys.Resource(tenantKey, value))
            .Concat(values.Select(value => GrainKeys.Index(tenantKey, "userName", value)))
            .Append(GrainKeys.Directory(tenantKey, "User"))
            .Append(GrainKeys.Segment(tenantKey, "User", 0))
            .ToList();
        foreach (var key in keys)
        {
            await WriteAsync(Id(key), new Record(new TestState { Text = key }));
        }

        foreach (var key in keys)
        {
            Assert.Equal(key, (await ReadAsync(Id(key))).State.Text);
        }
    }

    [Fact]
    public async Task WriteState_SameKeyOtherGrainTypeOrStateName_DoNotCollide()
    {
        var key = $"{Tenant}/alice";
        await Storage.WriteStateAsync(StateName, GrainId.Create(GrainType, key), new Record(new TestState { Text = "a" }));
        await Storage.WriteStateAsync(StateName, GrainId.Create("othertype", key), new Record(new TestState { Text = "b" }));
        await Storage.WriteStateAsync("other", GrainId.Create(GrainType, key), new Record(new TestState { Text = "c" }));

        Assert.Equal("a", (await ReadAsync(GrainId.Create(GrainType, key))).State.Text);
        Assert.Equal("b", (await ReadAsync(GrainId.Create("othertype", key))).State.Text);
        var other = new Record(null!);
        await Storage.ReadStateAsync("other", GrainId.Create(GrainType, key), other);
        Assert.Equal("c", other.State.Text);
    }

    [Theory]
    [InlineData(300)]
    [InlineData(900)]
    public async Task WriteState_LargeIncompressibleState_RoundTrips(int kibibytes)
    {
        var id = Id($"{Tenant}/big");
        var text = RandomText(kibibytes * 1024);

        await WriteAsync(id, new Record(new TestState { Text = text }));

        Assert.Equal(text, (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task LargeState_Update_RoundTrips()
    {
        var id = Id($"{Tenant}/big");
        var state = await WriteAsync(id, new Record(new TestState { Text = RandomText(300 * 1024) }));
        var text = RandomText(300 * 1024);

        state.State.Text = text;
        await Storage.WriteStateAsync(StateName, id, state);

        Assert.Equal(text, (await ReadAsync(id)).State.Text);
    }

    [Fact]
    public async Task Grain_PersistentStateByName_SurvivesDeactivation()
    {
        var grain = fixture.Cluster.Client.GetGrain<ICounterGrain>($"{Tenant}/counter");
        await grain.IncrementAsync();
        await grain.IncrementAsync();

        await fixture.Cluster.DeactivateAsync(grain);

        Assert.Equal(2, await grain.GetAsync());
        Assert.Equal(3, await grain.IncrementAsync());
    }

    protected static GrainId Id(string key) => GrainId.Create(GrainType, key);

    /// <summary>Random base64 text: survives any serializer at about one byte per character.</summary>
    protected static string RandomText(int length) =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes((length * 3 / 4) + 3))[..length];

    protected async Task<Record> ReadAsync(GrainId id)
    {
        // A null State shows that the storage sets one, also when there is no record.
        var state = new Record(null!);
        await Storage.ReadStateAsync(StateName, id, state);
        return state;
    }

    protected async Task<Record> WriteAsync(GrainId id, Record state)
    {
        await Storage.WriteStateAsync(StateName, id, state);
        return state;
    }

    /// <summary>A grain state whose <see cref="State"/> is not nullable, unlike Orleans' <c>GrainState&lt;T&gt;</c>.</summary>
    protected sealed class Record(TestState state, string? etag = null) : IGrainState<TestState>
    {
        [AllowNull]
        public TestState State { get; set; } = state;

        public string? ETag { get; set; } = etag;

        public bool RecordExists { get; set; }
    }
}
