using OrleansScim.Storage.AzureTable.Tests.Infrastructure;

namespace OrleansScim.Storage.AzureTable.Tests.Grains;

[Alias("OrleansScim.Storage.AzureTable.Tests.ICounterGrain")]
public interface ICounterGrain : IGrainWithStringKey
{
    [Alias("IncrementAsync")]
    Task<int> IncrementAsync();

    [Alias("GetAsync")]
    Task<int> GetAsync();
}

public sealed class CounterGrain(
    [PersistentState("counter", TestStorage.Name)] IPersistentState<TestState> counter) : Grain, ICounterGrain
{
    public async Task<int> IncrementAsync()
    {
        counter.State.Counter++;
        await counter.WriteStateAsync();
        return counter.State.Counter;
    }

    public Task<int> GetAsync() => Task.FromResult(counter.State.Counter);
}
