using OrleansScim.Grains.Throttling;

namespace OrleansScim.Host.Throttling;

/// <summary>
/// The limiter's side facing the tenant's throttle grain: leasing permits for the requests waiting (one
/// call at a time), serving them in arrival order, and giving back permits not spent in time. Kept in a
/// file of its own, sharing the limiter's lock and counters with the request side.
/// </summary>
public sealed partial class TenantRateLimiter
{
    /// <summary>
    /// One grain call at a time per tenant and front end, not tied to any one request's cancellation; it
    /// asks for what every waiting request needs, and repeats while requests are waiting.
    /// </summary>
    private async Task FetchAsync()
    {
        while (true)
        {
            long covered;
            int wanted;
            lock (_lock)
            {
                if (_waitingPermits == 0)
                {
                    _waiters.Clear(); // only canceled ones are left
                    _fetching = false;
                    ScheduleGiveBack();
                    return;
                }

                covered = _arrivals;
                wanted = Math.Max(_waitingPermits, Slice());
            }

            var call = LeaseAsync(wanted);
            await ((Task)call).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            lock (_lock)
            {
                if (call.IsCompletedSuccessfully)
                {
                    var lease = call.Result;
                    _knownLimit = lease.Limit;
                    if (lease.Granted > 0)
                    {
                        _permits += lease.Granted;
                        _permitsLeasedAt = _time.GetTimestamp();
                    }

                    Serve(lease.Limit);
                    if (lease.Granted == 0)
                    {
                        _rejected += Finish(covered, waiter => waiter.TrySetResult(new Lease(false, lease.RetryAfter)));
                    }
                }
                else
                {
                    // The requests this call was for see its failure; later ones get a call of their own.
                    var failure = call.Exception?.InnerException ?? new TaskCanceledException(call);
                    Finish(covered, waiter => waiter.TrySetException(failure));
                }
            }
        }
    }

    /// <summary>Async so that even a call that throws at once becomes a failed task: the fetch loop must never stop with requests waiting.</summary>
    private async Task<PermitLease> LeaseAsync(int wanted) => await _bucket.LeaseAsync(wanted);

    /// <summary>Under the lock: hands local permits to the waiters in arrival order.</summary>
    private void Serve(RateLimit limit)
    {
        while (_waiters.TryPeek(out var head))
        {
            if (head.Task.IsCompleted)
            {
                _waiters.Dequeue();
            }
            else if (head.Count > limit.Burst)
            {
                // More than the bucket can ever hold at once: it would wait forever.
                _waiters.Dequeue();
                _waitingPermits -= head.Count;
                _rejected++;
                head.TrySetResult(NotYet);
            }
            else if (_permits >= head.Count)
            {
                _waiters.Dequeue();
                _waitingPermits -= head.Count;
                _permits -= head.Count;
                _accepted++;
                head.TrySetResult(Granted);
            }
            else
            {
                return;
            }
        }
    }

    /// <summary>Under the lock: ends the wait of the requests that arrived before the call started; returns how many were still waiting.</summary>
    private int Finish(long covered, Func<Waiter, bool> complete)
    {
        var finished = 0;
        while (_waiters.TryPeek(out var head) && head.Arrival <= covered)
        {
            _waiters.Dequeue();
            if (complete(head))
            {
                _waitingPermits -= head.Count;
                finished++;
            }
        }

        return finished;
    }

    /// <summary>The permits a call asks for beyond the waiting requests' needs: the tenant's rate over one lease window.</summary>
    private int Slice()
    {
        var rate = _knownLimit?.RequestsPerSecond ?? 1;
        return (int)Math.Clamp(Math.Ceiling(rate * _options.LeaseWindow.TotalSeconds), 1, _knownLimit?.Burst ?? 1);
    }

    /// <summary>Under the lock: wakes <see cref="GiveBackUnused"/> when the permits held now reach their lifetime.</summary>
    private void ScheduleGiveBack()
    {
        if (_permits > 0 && !_disposed)
        {
            var due = _options.LeaseLifetime - _time.GetElapsedTime(_permitsLeasedAt);
            _giveBackTimer.Change(due > TimeSpan.Zero ? due : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void GiveBackUnused()
    {
        int unused;
        lock (_lock)
        {
            if (_disposed || _fetching || _permits == 0)
            {
                return; // a running fetch schedules again when it ends
            }

            if (_time.GetElapsedTime(_permitsLeasedAt) < _options.LeaseLifetime)
            {
                ScheduleGiveBack(); // topped up since this was scheduled
                return;
            }

            unused = _permits;
            _permits = 0;
        }

        _ = GiveBackAsync(unused);
    }

    /// <summary>Best effort: if the call fails, these permits are lost to the tenant, at most one slice.</summary>
    private async Task GiveBackAsync(int permits) =>
        await _bucket.ReturnAsync(permits).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
}
