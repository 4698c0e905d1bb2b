using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using OrleansScim.Grains.Resources;

namespace OrleansScim.Grains.Tests.Parts;

/// <summary>The record of one resource's state: versions, the gate, what notices change, and the tombstone of a delete.</summary>
public sealed class ResourceRecordTests
{
    private readonly InMemoryState _state = new();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
    private readonly ResourceRecord _record;

    public ResourceRecordTests() => _record = new ResourceRecord(_state, _clock);

    [Fact]
    public async Task Commit_WritesANewVersion_AtTheClocksTime_WithItsNoticesPending()
    {
        await CreateAsync("""{"userName":"a"}""");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var notice = new MembershipNotice("g1", "Group", NoticeKind.Joined);

        using (await _record.LockAsync(CancellationToken.None))
        {
            await _record.CommitAsync(new JsonObject { ["userName"] = "b" }, [notice], (_, _) => { }, CancellationToken.None);
        }

        Assert.Equal(2, _state.State.Version);
        Assert.Equal(_clock.GetUtcNow(), _state.State.LastModified);
        Assert.Equal([notice], _state.State.PendingNotices);
        Assert.Equal("b", _record.Attributes["userName"]!.GetValue<string>());
        Assert.Equal(2, _state.Writes);
    }

    [Fact]
    public async Task ChangingMemberOf_TellsWhetherAnythingChanged_AndWritesOnlyThen()
    {
        Assert.Equal(RecordChange.Missing, await _record.ChangeMemberOfAsync("g1", joined: true, CancellationToken.None));
        await CreateAsync("""{"userName":"a"}""");

        Assert.Equal(RecordChange.Changed, await _record.ChangeMemberOfAsync("g1", joined: true, CancellationToken.None));
        Assert.Equal(RecordChange.Unchanged, await _record.ChangeMemberOfAsync("g1", joined: true, CancellationToken.None));
        Assert.Equal(2, _state.State.Version);
        Assert.Equal(2, _state.Writes);
    }

    [Fact]
    public async Task AnAttributeChange_MovesTheRevision_SoAnUpdateInFlightComputesAgain()
    {
        await CreateAsync("""{"displayName":"G","members":[{"value":"u1"}]}""");
        var revision = _record.Revision;
        var changes = 0;
        _record.AttributesChanged = () => changes++;

        Assert.Equal(RecordChange.Changed, await _record.ChangeAttributesAsync(a => a.Remove("members"), (_, _) => { }, CancellationToken.None));
        Assert.Equal(RecordChange.Unchanged, await _record.ChangeAttributesAsync(a => a.Remove("members"), (_, _) => { }, CancellationToken.None));

        Assert.NotEqual(revision, _record.Revision);
        Assert.Equal(1, changes);
    }

    [Fact]
    public async Task Delete_WithNoticesLeft_KeepsATombstone_UntilTheyAreDelivered()
    {
        await CreateAsync("""{"userName":"a"}""");
        var notice = new MembershipNotice("g1", "Group", NoticeKind.MemberDeleted);

        using (await _record.LockAsync(CancellationToken.None))
        {
            await _record.DeleteAsync([notice], CancellationToken.None);
        }

        Assert.False(_record.Exists);
        Assert.True(_state.RecordExists);
        await _record.RemoveDeliveredAsync([notice], CancellationToken.None);
        Assert.False(_state.RecordExists);
    }

    [Fact]
    public async Task TheGate_LetsOneWriterIn_AtATime()
    {
        var first = await _record.LockAsync(CancellationToken.None);
        var second = _record.LockAsync(CancellationToken.None);

        Assert.False(second.IsCompleted);
        first.Dispose();
        (await second).Dispose();
    }

    private async Task CreateAsync(string attributes)
    {
        var json = JsonNode.Parse(attributes)!.AsObject();
        using (await _record.LockAsync(CancellationToken.None))
        {
            await _record.WriteNewAsync(json, new ResourceState { Attributes = json.ToJsonString(), Version = 1 }, CancellationToken.None);
        }
    }

    /// <summary>Grain state kept in memory, counting writes: the record's only dependency besides the clock.</summary>
    private sealed class InMemoryState : IPersistentState<ResourceState>
    {
        public ResourceState State { get; set; } = new();

        public string? Etag { get; private set; }

        public bool RecordExists { get; private set; }

        public int Writes { get; private set; }

        public Task ClearStateAsync() => ClearStateAsync(CancellationToken.None);

        public Task ClearStateAsync(CancellationToken cancellationToken)
        {
            State = new ResourceState();
            RecordExists = false;
            return Task.CompletedTask;
        }

        public Task ReadStateAsync() => Task.CompletedTask;

        public Task ReadStateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task WriteStateAsync() => WriteStateAsync(CancellationToken.None);

        public Task WriteStateAsync(CancellationToken cancellationToken)
        {
            Writes++;
            RecordExists = true;
            Etag = Writes.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }
}
