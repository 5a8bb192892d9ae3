namespace AriaPro.Grains.MarketData;

/// <summary>Persisted state of a symbol's <see cref="DailyReturnWindow"/>.</summary>
[GenerateSerializer, Alias("AriaPro.DailyReturnsState")]
public sealed class DailyReturnsState
{
    /// <summary>Daily simple returns of the close, oldest first, at most RISK_LOOKBACK_DAYS.</summary>
    [Id(0)] public List<double> Returns { get; set; } = [];

    /// <summary>The market day (UTC date of the bars' times) being observed now; null before the first bar.</summary>
    [Id(1)] public DateOnly? Day { get; set; }

    /// <summary>The last close seen on <see cref="Day"/>.</summary>
    [Id(2)] public decimal DayClose { get; set; }

    /// <summary>Close of the last completed day; null until one day has completed.</summary>
    [Id(3)] public decimal? PreviousClose { get; set; }

    /// <summary>The last completed day whose return is in <see cref="Returns"/>.</summary>
    [Id(4)] public DateOnly? LastDay { get; set; }

    /// <summary>Where the returns came from, e.g. "synthetic daily history (seed 42), 252 days".</summary>
    [Id(5)] public string Source { get; set; } = string.Empty;

    /// <summary>Days appended from the feed's bars since the window was seeded.</summary>
    [Id(6)] public int ObservedDays { get; set; }
}

/// <summary>
/// The last N daily returns of one symbol, built from its bars as they arrive: a day is complete
/// when the first bar of a later day arrives, and its return is its last close over the previous
/// day's last close, minus one. Bars of a day before the one being observed (a replay started
/// again after a restart) change nothing, so the window never counts a day twice. The window
/// holds no state of its own: it works on the <see cref="DailyReturnsState"/> it is given, which
/// its owner stores.
/// </summary>
public sealed class DailyReturnWindow(int capacity)
{
    /// <summary>Days kept.</summary>
    public int Capacity { get; } = capacity >= 1 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "keep at least one day");

    /// <summary>True before anything was seeded or observed.</summary>
    public static bool IsEmpty(DailyReturnsState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Day is null && state.Returns.Count == 0;
    }

    /// <summary>Starts the window with <paramref name="returns"/> (oldest first) from <paramref name="source"/>.</summary>
    public void Seed(DailyReturnsState state, IReadOnlyList<double> returns, DateOnly? lastDay, string source)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(returns);
        state.Returns = returns.Count > Capacity ? [.. returns.Skip(returns.Count - Capacity)] : [.. returns];
        state.LastDay = lastDay;
        state.Source = source;
    }

    /// <summary>Takes a bar's close; true when it completed a day (the window changed).</summary>
    public bool Observe(DailyReturnsState state, DateTimeOffset time, decimal close)
    {
        ArgumentNullException.ThrowIfNull(state);
        var day = DateOnly.FromDateTime(time.UtcDateTime);
        if (state.Day is not { } current)
        {
            state.Day = day;
            state.DayClose = close;
            return false;
        }

        if (day < current)
        {
            return false;
        }

        if (day == current)
        {
            state.DayClose = close;
            return false;
        }

        var completed = false;
        if (state.PreviousClose is > 0m and var previous)
        {
            state.Returns.Add((double)(state.DayClose / previous) - 1.0);
            if (state.Returns.Count > Capacity)
            {
                state.Returns.RemoveRange(0, state.Returns.Count - Capacity);
            }

            state.LastDay = current;
            state.ObservedDays++;
            completed = true;
        }

        state.PreviousClose = state.DayClose;
        state.Day = day;
        state.DayClose = close;
        return completed;
    }
}
