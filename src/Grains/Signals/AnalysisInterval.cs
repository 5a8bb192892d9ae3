namespace AriaPro.Grains.Signals;

/// <summary>
/// How often a symbol is analysed: AI_BASE_ANALYSIS_INTERVAL divided by the market-activity measure
/// (short- over long-window realized volatility), so twice as turbulent as usual means twice as
/// often and half as busy means half as often, always within [base / 4, base × 4]. An unknown
/// activity (NaN, no data) keeps the base interval.
/// </summary>
public static class AnalysisInterval
{
    /// <summary>Widest factor either side of the base interval.</summary>
    public const double MaxFactor = 4.0;

    public static TimeSpan Compute(TimeSpan baseInterval, double activity)
    {
        if (!double.IsFinite(activity) || activity <= 0.0)
        {
            return baseInterval;
        }

        var factor = Math.Clamp(1.0 / activity, 1.0 / MaxFactor, MaxFactor);
        return TimeSpan.FromMilliseconds(Math.Round(baseInterval.TotalMilliseconds * factor));
    }
}
