using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Tests.Risk;

/// <summary>Assertions to a relative 1e-10 (well past the eighth decimal the issue asks for).</summary>
internal static class RiskAssert
{
    public const double Relative = 1e-10;

    /// <summary>Equal to a relative 1e-10; an expected 0 or infinity must match exactly.</summary>
    public static void Close(double expected, double actual, string what = "value")
    {
        var ok = expected == actual
            || (double.IsNaN(expected) && double.IsNaN(actual))
            || Math.Abs(actual - expected) <= Relative * Math.Abs(expected);
        Assert.True(ok, $"{what}: expected {expected:R}, actual {actual:R}");
    }

    /// <summary>Every metric of <paramref name="report"/>; a null metric must carry a note, a present one must not.</summary>
    public static void Report(
        RiskReport report,
        double? annualVolatility,
        double? sharpe,
        double? sortino,
        double? downsideRisk,
        double? maxDrawdown,
        double? annualReturn,
        double? calmar,
        double? historicalVar,
        double? historicalCvar,
        double? parametricVar,
        double? cornishFisherVar,
        double? kelly)
    {
        Metric(report, "annualVolatility", annualVolatility, report.AnnualVolatility);
        Metric(report, "sharpe", sharpe, report.Sharpe);
        Metric(report, "sortino", sortino, report.Sortino);
        Metric(report, "downsideRisk", downsideRisk, report.DownsideRisk);
        Metric(report, "maxDrawdown", maxDrawdown, report.MaxDrawdown);
        Metric(report, "annualReturn", annualReturn, report.AnnualReturn);
        Metric(report, "calmar", calmar, report.Calmar);
        Metric(report, "var", historicalVar, report.Var);
        Metric(report, "cvar", historicalCvar, report.Cvar);
        Metric(report, "parametricVar", parametricVar, report.ParametricVar);
        Metric(report, "cornishFisherVar", cornishFisherVar, report.CornishFisherVar);
        Metric(report, "kelly", kelly, report.Kelly);
    }

    private static void Metric(RiskReport report, string key, double? expected, double? actual)
    {
        if (expected is null)
        {
            Assert.True(actual is null, $"{key}: expected null, actual {actual:R}");
            Assert.True(report.Notes.TryGetValue(key, out var note) && note.Length > 0, $"{key}: null without a note");
            return;
        }

        Assert.True(actual is not null, $"{key}: expected {expected:R}, actual null ({report.Notes.GetValueOrDefault(key)})");
        Close(expected.Value, actual.Value, key);
        Assert.False(report.Notes.ContainsKey(key), $"{key}: has a value and a note");
    }
}
