using System.Buffers;
using System.Collections.ObjectModel;
using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>
/// Performance and risk metrics of a per-period simple return series, with the conventions of the
/// widely used open-source performance libraries (empyrical): sample deviations (ddof = 1),
/// annualisation by sqrt(periods per year), numpy's linear quantile and a drawdown measured from
/// the starting value 1. The per-metric methods expect finite returns (what <see cref="Compute"/>
/// passes them) and answer NaN when the metric is undefined; they never throw.
/// </summary>
public static partial class RiskMetrics
{
    /// <summary>Longest series sorted on the stack; longer ones borrow a pooled array.</summary>
    private const int StackLimit = 1024;

    private const string NoReturns = "no finite returns";
    private const string TooFew = "fewer than 2 returns; a sample deviation needs at least 2";
    private const string BadPeriods = "periods per year must be positive";
    private const string BadConfidence = "the confidence must lie strictly between 0 and 1";
    private const string NotFinite = "the result is not a finite number (the inputs overflow)";
    private const string FlatRatio = "the returns have zero deviation; the ratio is undefined";
    private const string FlatMoments = "the returns have zero deviation; skewness and kurtosis are undefined";
    private const string FlatKelly = "the returns have zero variance; the Kelly fraction is undefined";
    private const string SortinoInfinite = "no returns below the required return; the ratio is +infinity";
    private const string SortinoUndefined =
        "no returns below the required return and the mean excess return is not positive; the ratio is undefined";
    private const string NoDrawdown = "no drawdown; the ratio is undefined (division by zero)";

    /// <summary>
    /// Every metric of <paramref name="returns"/> after dropping NaN and infinite values. A metric
    /// that is undefined or not finite is null, with the reason in <see cref="RiskReport.Notes"/>
    /// under its camelCase name. Never throws for any series, empty included.
    /// </summary>
    public static RiskReport Compute(ReadOnlySpan<double> returns, RiskParameters parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        double[]? rented = null;
        var buffer = returns.Length <= StackLimit
            ? stackalloc double[returns.Length]
            : (rented = ArrayPool<double>.Shared.Rent(returns.Length));
        try
        {
            var n = 0;
            foreach (var r in returns)
            {
                if (double.IsFinite(r))
                {
                    buffer[n++] = r;
                }
            }

            return Measure(buffer[..n], parameters);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Measures finite returns; sorts <paramref name="x"/> in place for the quantiles.</summary>
    private static RiskReport Measure(Span<double> x, RiskParameters p)
    {
        var n = x.Length;
        var periods = p.PeriodsPerYear;
        var m = ReturnMoments.Of(x);
        var flat = m.IsFlat;
        var varOk = IsConfidence(p.VarConfidence);
        var cvarOk = IsConfidence(p.CvarConfidence);
        var z = varOk ? StandardNormalQuantile(1.0 - p.VarConfidence) : double.NaN;

        var volatility = AnnualVolatility(m, periods);
        var sharpe = Sharpe(m, p.RiskFreeRate, periods);
        var downside = DownsideRisk(x, p.RequiredReturn, periods);
        var sortino = Sortino(m.Mean - p.RequiredReturn, downside, periods);
        var maxDrawdown = MaxDrawdown(x);
        var annualReturn = AnnualReturn(x, periods);
        var calmar = Calmar(annualReturn, maxDrawdown);
        var parametric = ParametricVar(m, z);
        var cornishFisher = CornishFisherVar(m, z);
        var kelly = Kelly(m);

        x.Sort();
        var historical = varOk ? HistoricalVarSorted(x, p.VarConfidence) : double.NaN;
        var cvar = cvarOk ? HistoricalCvarSorted(x, p.CvarConfidence) : double.NaN;

        Dictionary<string, string>? notes = null;
        var empty = n == 0;
        var badPeriods = periods <= 0;
        return new RiskReport(
            n,
            Keep(volatility, "annualVolatility", empty ? NoReturns : n < 2 ? TooFew : badPeriods ? BadPeriods : NotFinite, ref notes),
            Keep(sharpe, "sharpe", empty ? NoReturns : n < 2 ? TooFew : badPeriods ? BadPeriods : flat ? FlatRatio : NotFinite, ref notes),
            Keep(sortino, "sortino", empty ? NoReturns : badPeriods ? BadPeriods
                : double.IsPositiveInfinity(sortino) ? SortinoInfinite : downside == 0.0 ? SortinoUndefined : NotFinite, ref notes),
            Keep(downside, "downsideRisk", empty ? NoReturns : badPeriods ? BadPeriods : NotFinite, ref notes),
            Keep(maxDrawdown, "maxDrawdown", empty ? NoReturns : NotFinite, ref notes),
            Keep(annualReturn, "annualReturn", empty ? NoReturns : badPeriods ? BadPeriods : NotFinite, ref notes),
            Keep(calmar, "calmar", empty ? NoReturns : badPeriods ? BadPeriods : maxDrawdown == 0.0 ? NoDrawdown : NotFinite, ref notes),
            Keep(historical, "var", empty ? NoReturns : !varOk ? BadConfidence : NotFinite, ref notes),
            Keep(cvar, "cvar", empty ? NoReturns : !cvarOk ? BadConfidence : NotFinite, ref notes),
            Keep(parametric, "parametricVar", empty ? NoReturns : n < 2 ? TooFew : !varOk ? BadConfidence : NotFinite, ref notes),
            Keep(cornishFisher, "cornishFisherVar",
                empty ? NoReturns : n < 2 ? TooFew : !varOk ? BadConfidence : flat ? FlatMoments : NotFinite, ref notes),
            Keep(kelly, "kelly", empty ? NoReturns : n < 2 ? TooFew : flat ? FlatKelly : NotFinite, ref notes),
            notes ?? (IReadOnlyDictionary<string, string>)ReadOnlyDictionary<string, string>.Empty);
    }

    /// <summary>The value when finite; otherwise null, recording <paramref name="reason"/> under <paramref name="key"/>.</summary>
    private static double? Keep(double value, string key, string reason, ref Dictionary<string, string>? notes)
    {
        if (double.IsFinite(value))
        {
            return value;
        }

        notes ??= new Dictionary<string, string>(StringComparer.Ordinal);
        notes[key] = reason;
        return null;
    }

    private static bool IsConfidence(double confidence) => confidence > 0.0 && confidence < 1.0;

    private static double StandardNormalQuantile(double p) => MathNet.Numerics.Distributions.Normal.InvCDF(0.0, 1.0, p);
}
