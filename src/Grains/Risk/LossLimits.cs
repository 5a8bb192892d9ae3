using System.Globalization;
using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>
/// The portfolio's loss limits: the loss since the day began (ARIA_RISK_MAX_DAILY_LOSS) and the fall
/// from the highest equity (ARIA_RISK_MAX_DRAWDOWN), both fractions; either, once reached, trips the
/// kill switch. Pure: the options, the stored marks and the equity now are given.
/// </summary>
public static class LossLimits
{
    /// <summary>The limits at <paramref name="equity"/>; the peak counts <paramref name="equity"/> itself.</summary>
    public static LossLimitsView View(RiskOptions options, RiskState state, decimal equity)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        var dayStart = state.DayStartEquity ?? state.LastCloseEquity ?? options.AccountCapital;
        var peak = Math.Max(state.PeakEquity ?? equity, equity);
        return new(Fall(dayStart, equity), options.MaxDailyLoss, Fall(peak, equity), options.MaxDrawdown, dayStart, peak, state.KillSwitch);
    }

    /// <summary>The trip when a limit is reached and the switch is not tripped yet; null otherwise.</summary>
    public static KillSwitchTrip? Breach(LossLimitsView limits, DateTimeOffset now, string currency)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (limits.Tripped is not null)
        {
            return null;
        }

        if (limits.MaxDailyLoss is { } maxLoss && limits.DailyLoss >= maxLoss)
        {
            return new(now, "ARIA_RISK_MAX_DAILY_LOSS", limits.DailyLoss, maxLoss, string.Create(CultureInfo.InvariantCulture,
                $"the daily loss of {Percent(limits.DailyLoss)} of the day's starting equity {limits.DayStartEquity:N2} {currency} reached ARIA_RISK_MAX_DAILY_LOSS {Percent(maxLoss)}"));
        }

        if (limits.MaxDrawdown is { } maxDrawdown && limits.Drawdown >= maxDrawdown)
        {
            return new(now, "ARIA_RISK_MAX_DRAWDOWN", limits.Drawdown, maxDrawdown, string.Create(CultureInfo.InvariantCulture,
                $"the drawdown of {Percent(limits.Drawdown)} from the highest equity {limits.PeakEquity:N2} {currency} reached ARIA_RISK_MAX_DRAWDOWN {Percent(maxDrawdown)}"));
        }

        return null;
    }

    private static double Fall(decimal from, decimal equity) => from > 0m && equity < from ? (double)((from - equity) / from) : 0.0;

    private static string Percent(double fraction) => (fraction * 100.0).ToString("0.###", CultureInfo.InvariantCulture) + "%";
}
