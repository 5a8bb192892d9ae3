namespace AriaPro.Grains.Risk;

/// <summary>Volatility, Sharpe, downside risk and Sortino.</summary>
public static partial class RiskMetrics
{
    /// <summary>std(r, ddof = 1) * sqrt(P); NaN with fewer than 2 returns or P &lt;= 0.</summary>
    public static double AnnualVolatility(ReadOnlySpan<double> r, int periodsPerYear) =>
        AnnualVolatility(ReturnMoments.Of(r), periodsPerYear);

    /// <summary>
    /// mean(r - rf) / std(r - rf, ddof = 1) * sqrt(P); NaN with fewer than 2 returns, zero deviation
    /// or P &lt;= 0.
    /// </summary>
    public static double Sharpe(ReadOnlySpan<double> r, double riskFreeRate, int periodsPerYear) =>
        Sharpe(ReturnMoments.Of(r), riskFreeRate, periodsPerYear);

    /// <summary>
    /// sqrt(mean(min(r - required, 0)^2)) * sqrt(P), the mean taken over all returns (empyrical's
    /// downside_risk); 0 when no return is below <paramref name="requiredReturn"/>; NaN for no returns.
    /// </summary>
    public static double DownsideRisk(ReadOnlySpan<double> r, double requiredReturn, int periodsPerYear)
    {
        if (r.IsEmpty || periodsPerYear <= 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var x in r)
        {
            var shortfall = Math.Min(x - requiredReturn, 0.0);
            sum += shortfall * shortfall;
        }

        return Math.Sqrt(sum / r.Length) * Math.Sqrt(periodsPerYear);
    }

    /// <summary>
    /// mean(r - required) * P / downside risk; +infinity when no return is below the required return
    /// and the mean excess is positive; NaN for no returns, or no downside with a mean excess &lt;= 0.
    /// </summary>
    public static double Sortino(ReadOnlySpan<double> r, double requiredReturn, int periodsPerYear) =>
        Sortino(ReturnMoments.Of(r).Mean - requiredReturn, DownsideRisk(r, requiredReturn, periodsPerYear), periodsPerYear);

    private static double AnnualVolatility(in ReturnMoments m, int periodsPerYear) =>
        periodsPerYear <= 0 ? double.NaN : m.SampleStandardDeviation * Math.Sqrt(periodsPerYear);

    private static double Sharpe(in ReturnMoments m, double riskFreeRate, int periodsPerYear)
    {
        // Subtracting a constant leaves the deviation unchanged, so std(r - rf) is std(r). A
        // deviation that overflowed would make the ratio a meaningless 0, not a figure.
        if (m.Count < 2 || m.IsFlat || periodsPerYear <= 0 || !m.IsFinite)
        {
            return double.NaN;
        }

        return (m.Mean - riskFreeRate) / m.SampleStandardDeviation * Math.Sqrt(periodsPerYear);
    }

    private static double Sortino(double meanExcess, double downsideRisk, int periodsPerYear)
    {
        if (double.IsNaN(downsideRisk) || double.IsNaN(meanExcess))
        {
            return double.NaN;
        }

        var annualExcess = meanExcess * periodsPerYear;
        if (downsideRisk == 0.0)
        {
            return annualExcess > 0.0 ? double.PositiveInfinity : double.NaN;
        }

        return annualExcess / downsideRisk;
    }
}
