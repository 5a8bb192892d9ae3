namespace AriaPro.Grains.Risk;

/// <summary>Max drawdown, annual return (CAGR) and Calmar.</summary>
public static partial class RiskMetrics
{
    /// <summary>
    /// Worst peak-to-trough fall of the compounded equity prod(1 + r), the starting value 1 being the
    /// first peak, as a fraction &lt;= 0 (a first return of -10% is -0.10); 0 when the equity never
    /// falls; -1 once the equity reaches zero or below (ruin); NaN for no returns or an overflow.
    /// </summary>
    public static double MaxDrawdown(ReadOnlySpan<double> r)
    {
        if (r.IsEmpty)
        {
            return double.NaN;
        }

        double equity = 1.0, peak = 1.0, worst = 0.0;
        foreach (var x in r)
        {
            equity *= 1.0 + x;
            if (equity <= 0.0)
            {
                return -1.0;
            }

            if (!double.IsFinite(equity))
            {
                return double.NaN;
            }

            if (equity > peak)
            {
                peak = equity;
            }
            else
            {
                worst = Math.Min(worst, equity / peak - 1.0);
            }
        }

        return worst;
    }

    /// <summary>
    /// Compound annual growth rate prod(1 + r)^(P / n) - 1; -1 when the ending value is &lt;= 0 (total
    /// loss); NaN for no returns, P &lt;= 0 or an overflow.
    /// </summary>
    public static double AnnualReturn(ReadOnlySpan<double> r, int periodsPerYear)
    {
        if (r.IsEmpty || periodsPerYear <= 0)
        {
            return double.NaN;
        }

        var equity = 1.0;
        foreach (var x in r)
        {
            equity *= 1.0 + x;
        }

        if (equity <= 0.0)
        {
            return -1.0;
        }

        return double.IsFinite(equity) ? Math.Pow(equity, (double)periodsPerYear / r.Length) - 1.0 : double.NaN;
    }

    /// <summary>Annual return / |max drawdown|; NaN when the max drawdown is 0 or undefined.</summary>
    public static double Calmar(ReadOnlySpan<double> r, int periodsPerYear) =>
        Calmar(AnnualReturn(r, periodsPerYear), MaxDrawdown(r));

    private static double Calmar(double annualReturn, double maxDrawdown) =>
        double.IsNaN(maxDrawdown) || maxDrawdown == 0.0 ? double.NaN : annualReturn / Math.Abs(maxDrawdown);
}
