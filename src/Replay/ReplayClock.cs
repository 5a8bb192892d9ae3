namespace AriaPro.Replay;

/// <summary>
/// The trading clock of a replay: it stands still at the current bar's time until the runner moves
/// it. Moving it runs every timer that fell due, once, in due-time order, on the caller's thread; a
/// periodic timer that missed several periods runs once and is due again a period after the new
/// time, as a real timer on a busy machine would be. Time never goes backwards.
/// </summary>
public sealed class ReplayClock : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ReplayTimer> _timers = [];
    private DateTimeOffset _now;
    private long _created;

    /// <summary>Creates the clock standing at <paramref name="start"/>.</summary>
    public ReplayClock(DateTimeOffset start)
    {
        _now = start.ToUniversalTime();
    }

    /// <inheritdoc />
    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    /// <inheritdoc />
    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>Timers waiting to fire.</summary>
    public int PendingTimers
    {
        get
        {
            lock (_gate)
            {
                return _timers.Count(t => t.DueAt is not null);
            }
        }
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    /// <inheritdoc />
    public override long GetTimestamp() => GetUtcNow().UtcTicks;

    /// <summary>Moves the clock to <paramref name="time"/> and runs the timers that fell due.</summary>
    public void SetUtcNow(DateTimeOffset time)
    {
        List<ReplayTimer> due;
        lock (_gate)
        {
            var utc = time.ToUniversalTime();
            if (utc < _now)
            {
                throw new ArgumentOutOfRangeException(nameof(time), time, $"The replay clock cannot go back from {_now:O}.");
            }

            _now = utc;
            due = _timers.Where(t => t.DueAt <= utc).OrderBy(t => t.DueAt).ThenBy(t => t.Sequence).ToList();
            foreach (var timer in due)
            {
                timer.DueAt = timer.Period is { } period ? utc + period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        lock (_gate)
        {
            var timer = new ReplayTimer(this, callback, state, ++_created);
            _timers.Add(timer);
            Schedule(timer, dueTime, period);
            return timer;
        }
    }

    private void Change(ReplayTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            if (_timers.Contains(timer))
            {
                Schedule(timer, dueTime, period);
            }
        }
    }

    private void Remove(ReplayTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    // Called under the gate. A timer due now runs on the thread pool at once, as a real one does;
    // anything later waits for the clock to reach it.
    private void Schedule(ReplayTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        timer.Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? null : period;
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            timer.DueAt = null;
        }
        else if (dueTime <= TimeSpan.Zero)
        {
            timer.DueAt = timer.Period is { } next ? _now + next : null;
            ThreadPool.UnsafeQueueUserWorkItem(static t => t.Fire(), timer, preferLocal: false);
        }
        else
        {
            timer.DueAt = _now + dueTime;
        }
    }

    private sealed class ReplayTimer(ReplayClock clock, TimerCallback callback, object? state, long sequence) : ITimer
    {
        public long Sequence { get; } = sequence;

        public DateTimeOffset? DueAt { get; set; }

        public TimeSpan? Period { get; set; }

        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Change(this, dueTime, period);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
