namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// The embedded-mode store: the same sliding-window logs, strikes and lockouts as the Redis
/// script, held in this process and timed by <see cref="TimeProvider"/>. One lock makes each
/// decision atomic, as the script is in Redis; idle entries are swept once per window.
/// </summary>
public sealed class InMemoryRateLimitStore(RateLimitOptions options, TimeProvider time) : IRateLimitStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Queue<long>> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _refusals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Queue<long>> _strikes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Until, int Level)> _penalties = new(StringComparer.Ordinal);
    private readonly long _window = UnixMicros.From(options.Window);
    private readonly long _strikeWindow = UnixMicros.From(options.StrikeWindow);
    private readonly long _strikeMemory = UnixMicros.From(options.StrikeMemory);
    private long _nextSweep;

    /// <inheritdoc />
    public Task<RateLimitDecision> AcquireAsync(string principal, IReadOnlyList<RateLimitPartition> partitions, CancellationToken cancellationToken = default) =>
        Task.FromResult(Acquire(principal, partitions).ToDecision(partitions));

    private StoreOutcome Acquire(string principal, IReadOnlyList<RateLimitPartition> partitions)
    {
        lock (_gate)
        {
            var now = UnixMicros.From(time.GetUtcNow());
            Sweep(now);
            if (_penalties.TryGetValue(principal, out var penalty) && penalty.Until > now)
            {
                return new StoreOutcome(false, StoreOutcome.LockedOut, now, penalty.Until, penalty.Level, false);
            }

            for (var i = 0; i < partitions.Count; i++)
            {
                var log = Log(_windows, partitions[i].Key, now - _window);
                if (log.Count >= partitions[i].Limit)
                {
                    // A slot frees when the entry at Count - Limit leaves the window.
                    var freesAt = log.ElementAt(log.Count - partitions[i].Limit) + _window;
                    return Refuse(principal, i + 1, now, freesAt);
                }
            }

            foreach (var partition in partitions)
            {
                _windows[partition.Key].Enqueue(now);
            }

            return new StoreOutcome(true, 0, now, now, 0, false);
        }
    }

    private StoreOutcome Refuse(string principal, int index, long now, long freesAt)
    {
        var refusals = Log(_refusals, principal, now - _strikeWindow);
        refusals.Enqueue(now);
        if (refusals.Count < options.StrikeRefusals)
        {
            return new StoreOutcome(false, index, now, freesAt, 0, false);
        }

        _refusals.Remove(principal);
        var strikes = Log(_strikes, principal, now - _strikeMemory);
        strikes.Enqueue(now);
        var level = Math.Min(strikes.Count, options.PenaltyDurations.Count);
        var until = now + UnixMicros.From(options.PenaltyDurations[level - 1]);
        _penalties[principal] = (until, level);
        return new StoreOutcome(false, index, now, until, level, true);
    }

    private static Queue<long> Log(Dictionary<string, Queue<long>> logs, string key, long expiredAtOrBefore)
    {
        if (!logs.TryGetValue(key, out var log))
        {
            log = new Queue<long>();
            logs[key] = log;
        }

        while (log.Count > 0 && log.Peek() <= expiredAtOrBefore)
        {
            log.Dequeue();
        }

        return log;
    }

    // What Redis does with PEXPIRE: entries nobody touches for a whole period disappear.
    private void Sweep(long now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + _window;
        Prune(_windows, now - _window);
        Prune(_refusals, now - _strikeWindow);
        Prune(_strikes, now - _strikeMemory);
        foreach (var principal in _penalties.Where(p => p.Value.Until <= now).Select(p => p.Key).ToList())
        {
            _penalties.Remove(principal);
        }
    }

    private static void Prune(Dictionary<string, Queue<long>> logs, long expiredAtOrBefore)
    {
        foreach (var key in logs.Keys.ToList())
        {
            if (Log(logs, key, expiredAtOrBefore).Count == 0)
            {
                logs.Remove(key);
            }
        }
    }
}
