using OrleansScim.Grains.Directory;

namespace OrleansScim.Grains.Tests.Parts;

/// <summary>A segment's entry writes: changes made while one write is in flight share the next one.</summary>
public sealed class GroupCommitTests
{
    private readonly List<TaskCompletionSource> _writes = [];

    private GroupCommit NewCommit() => new(() =>
    {
        var write = new TaskCompletionSource();
        _writes.Add(write);
        return write.Task;
    });

    [Fact]
    public async Task ChangesMadeDuringAWrite_ShareTheNextWrite_WhichStartsWhenTheFirstEnds()
    {
        var commit = NewCommit();

        var first = commit.CommitAsync();
        var waiting = new[] { commit.CommitAsync(), commit.CommitAsync(), commit.CommitAsync() };

        Assert.Single(_writes);
        Assert.Same(waiting[0], waiting[1]);
        Assert.Same(waiting[0], waiting[2]);

        _writes[0].SetResult();
        await first.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _writes.Count);
        Assert.False(waiting[0].IsCompleted, "the later changes wait for the write that carries them, not the one in flight when they were made");

        _writes[1].SetResult();
        await waiting[0].WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, _writes.Count);
    }

    [Fact]
    public async Task AFailedWrite_FailsItsCallers_AndTheNextChangeWritesAgain()
    {
        var commit = NewCommit();

        var failed = commit.CommitAsync();
        _writes[0].SetException(new TimeoutException("storage timed out"));

        await Assert.ThrowsAsync<TimeoutException>(() => failed.WaitAsync(TimeSpan.FromSeconds(5)));

        var retried = commit.CommitAsync();
        Assert.Equal(2, _writes.Count);
        _writes[1].SetResult();
        await retried.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
