namespace AriaPro.Core.Trading;

/// <summary>
/// The volatility-adaptive order timeout: the base timeout while the market is as calm as usual,
/// stretched in proportion to how much more turbulent it is (short- over long-window realized
/// volatility), never beyond the ceiling. Brokers answer more slowly when markets are busy, and an
/// order expired too eagerly would be counted as a failure it was not.
/// </summary>
public static class AdaptiveTimeout
{
    /// <summary>The timeout for a volatility ratio; NaN, infinite or calm ratios give the base timeout.</summary>
    public static TimeSpan Compute(TimeSpan baseTimeout, TimeSpan maxTimeout, double volatilityRatio)
    {
        if (double.IsNaN(volatilityRatio) || volatilityRatio <= 1.0)
        {
            return baseTimeout;
        }

        if (double.IsInfinity(volatilityRatio))
        {
            return maxTimeout;
        }

        var stretched = baseTimeout.TotalSeconds * volatilityRatio;
        return stretched >= maxTimeout.TotalSeconds ? maxTimeout : TimeSpan.FromMilliseconds(Math.Round(stretched * 1000.0));
    }
}
