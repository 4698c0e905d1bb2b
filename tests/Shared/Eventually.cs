namespace OrleansScim.Testing;

/// <summary>
/// Waits, for a bounded time, until a condition over a fresh probe holds: for effects that lag a response
/// (a user's readOnly "groups" after a group PATCH, a silo's membership row, load reaching every silo).
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Waits until <paramref name="condition"/> is true.</summary>
    public static Task<bool> UntilAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null) =>
        UntilAsync(condition, holds => holds, because, timeout);

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
            backoff = TimeSpan.FromMilliseconds(Math.Min(backoff.TotalMilliseconds * 2, 200));
        }
    }
}
