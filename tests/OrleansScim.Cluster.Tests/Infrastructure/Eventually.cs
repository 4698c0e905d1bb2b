namespace OrleansScim.Cluster.Tests.Infrastructure;

/// <summary>Waits, for a bounded time, until a condition over a fresh probe holds (effects that lag a response slightly).</summary>
public static class Eventually
{
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        var backoff = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            var result = await probe();
            if (condition(result))
            {
                return result;
            }

            Assert.True(DateTime.UtcNow < deadline, $"Timed out waiting until {because}; last value: {result}");
            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 200));
        }
    }
}
