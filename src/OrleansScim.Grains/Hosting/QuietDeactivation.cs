namespace OrleansScim.Grains.Hosting;

/// <summary>
/// Deactivates a grain a short while (<see cref="Quiet"/>) after the last request that asked for it, if it
/// still holds nothing worth keeping then. Grains that answer for things that do not exist (guessed ids,
/// deleted resources, unknown tokens) should hold no memory, but <c>DeactivateOnIdle</c> right after the
/// answer breaks concurrent callers: Orleans forwards the calls queued behind it to a new activation, which
/// deactivates after its first answer too, and a call forwarded more than twice fails (503 at the HTTP edge).
/// Orleans' own idle collection cannot be made that short (it runs once per collection quantum, a minute by
/// default, whatever a grain class's age limit), hence this timer.
/// </summary>
public sealed class QuietDeactivation
{
    /// <summary>Long enough for a burst of concurrent calls to be answered by one activation.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(2);

    private IGrainTimer? _timer;
    private Func<bool> _nothingToKeep = static () => true;

    /// <summary>
    /// Deactivates <paramref name="grain"/> once it has had no such request for <see cref="Quiet"/>, if
    /// <paramref name="nothingToKeep"/> (checked then, on the grain's scheduler) still holds.
    /// </summary>
    public void Request(IGrainBase grain, Func<bool>? nothingToKeep = null)
    {
        _nothingToKeep = nothingToKeep ?? (static () => true);
        if (_timer is null)
        {
            _timer = grain.RegisterGrainTimer(() =>
            {
                if (_nothingToKeep())
                {
                    grain.DeactivateOnIdle();
                }

                return Task.CompletedTask;
            }, new GrainTimerCreationOptions { DueTime = Quiet, Period = Timeout.InfiniteTimeSpan, Interleave = false, KeepAlive = false });
        }
        else
        {
            _timer.Change(Quiet, Timeout.InfiniteTimeSpan);
        }
    }
}
