namespace AriaPro.Grains.MarketData;

/// <summary>
/// Turns a bar interval and a speed into a timer period and bars per tick. A period below
/// <see cref="MinimumPeriod"/> is clamped and each tick then delivers several bars, carrying the
/// fraction over, so market time still runs at the requested speed.
/// </summary>
public sealed class FeedPacer
{
    /// <summary>Shortest timer period; faster timers only cost scheduling overhead.</summary>
    public static readonly TimeSpan MinimumPeriod = TimeSpan.FromMilliseconds(50);

    private double _carry;

    /// <summary>Paces bars of <paramref name="barInterval"/> market time at <paramref name="speed"/> times wall-clock time.</summary>
    public FeedPacer(TimeSpan barInterval, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(barInterval, TimeSpan.Zero);
        if (!double.IsFinite(speed) || speed <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(speed), speed, "The feed speed must be a positive number.");
        }

        var period = barInterval / speed;
        Period = period < MinimumPeriod ? MinimumPeriod : period;
        BarsPerTick = Period.Ticks * speed / barInterval.Ticks;
    }

    /// <summary>Wall-clock time between timer ticks.</summary>
    public TimeSpan Period { get; }

    /// <summary>Bars per tick on average; 1 unless the period was clamped.</summary>
    public double BarsPerTick { get; }

    /// <summary>Bars to pull on this tick.</summary>
    public int NextTick()
    {
        _carry += BarsPerTick;

        // A tiny tolerance keeps 2.9999999 from becoming 2 through floating-point error.
        var bars = (int)Math.Floor(_carry + 1e-9);
        _carry -= bars;
        return bars;
    }
}
