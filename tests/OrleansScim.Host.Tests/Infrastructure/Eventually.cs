namespace OrleansScim.Host.Tests.Infrastructure;

/// <summary>
/// Waits, for a bounded time, until a condition over a fresh probe holds; for effects that may lag a
/// response by a few milliseconds (a user's readOnly "groups" after a group PATCH).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Returns the first probe result that satisfies <paramref name="condition"/>, or fails with the last one.</summary>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string because, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        var backoff = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            var result = await probe();
            if (condition(result))
            {
                return result;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Assert.Fail($"Timed out waiting until {because}; last value: {result}");
            }

            await Task.Delay(backoff);
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 100));
        }
    }
}
