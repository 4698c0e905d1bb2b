namespace OrleansScim.GrainStorage.Tests.Grains;

[Alias("OrleansScim.GrainStorage.Tests.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("IncrementAsync")]
    Task<int> IncrementAsync();

    [Alias("GetAsync")]
    Task<int> GetAsync();
}

public sealed class CounterGrain(
    [PersistentState("counter", OrleansScim.Grains.GrainStorage.Name)] IPersistentState<TestState> counter) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Counter++;
        await counter.WriteStateAsync();
        return counter.State.Counter;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Counter);
}
