using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class RiskMetricsEdgeCaseTests
{
    private static readonly RiskParameters Defaults = new();

    [Fact]
    public void Compute_Empty_EveryMetricNullWithNote()
    {
        var report = RiskMetrics.Compute([], Defaults);

        Assert.Equal(0, report.Count);
        Assert.Equal(12, report.Notes.Count);
        Assert.All(report.Notes.Values, note => Assert.Equal("no finite returns", note));
        RiskAssert.Report(report, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    [Fact]
    public void Compute_OnlyNonFinite_CountsZeroAndNotesEveryMetric()
    {
        var report = RiskMetrics.Compute([double.NaN, double.PositiveInfinity, double.NegativeInfinity], Defaults);

        Assert.Equal(0, report.Count);
        Assert.Equal(12, report.Notes.Count);
    }

    [Fact]
    public void Compute_FlatZeroSeries_SortinoUndefinedNotInfinite()
    {
        var report = RiskMetrics.Compute([0.0, 0.0, 0.0], Defaults);

        Assert.Null(report.Sortino);
        Assert.Contains("is undefined", report.Notes["sortino"]);
        Assert.Equal(0.0, report.DownsideRisk);
    }

    [Fact]
    public void Compute_Overflowing_NullsWithNotesAndNoThrow()
    {
        var report = RiskMetrics.Compute([1e300, -0.5, 1e300], Defaults);

        Assert.Null(report.AnnualVolatility);
        Assert.Null(report.MaxDrawdown);
        Assert.Contains("not a finite number", report.Notes["maxDrawdown"]);
        Assert.Contains("not a finite number", report.Notes["annualVolatility"]);
    }

    [Fact]
    public void Compute_VarianceOverflows_SharpeAndKellyNullWithNoteNotZero()
    {
        var report = RiskMetrics.Compute([1e300, 2e300], Defaults);

        Assert.Null(report.Sharpe);
        Assert.Null(report.Kelly);
        Assert.Null(report.AnnualVolatility);
        Assert.Contains("not a finite number", report.Notes["sharpe"]);
        Assert.Contains("not a finite number", report.Notes["kelly"]);
    }

    [Fact]
    public void Kelly_VarianceOverflows_IsNaNNotZero()
    {
        Assert.True(double.IsNaN(RiskMetrics.Kelly([1e300, 2e300])));
        Assert.True(double.IsNaN(RiskMetrics.Sharpe([1e300, 2e300], 0.0, 252)));
    }

    [Fact]
    public void Compute_LossBeyondEverything_DrawdownAndAnnualReturnAreTotalLoss()
    {
        var report = RiskMetrics.Compute([0.1, -1.5], Defaults);

        Assert.Equal(-1.0, report.MaxDrawdown);
        Assert.Equal(-1.0, report.AnnualReturn);
    }

    [Fact]
    public void Compute_ZeroPeriodsPerYear_AnnualisedMetricsNullWithNote()
    {
        var report = RiskMetrics.Compute(RiskVectors.Typical, new RiskParameters(PeriodsPerYear: 0));

        Assert.Null(report.AnnualVolatility);
        Assert.Null(report.AnnualReturn);
        Assert.Equal("periods per year must be positive", report.Notes["sharpe"]);
        Assert.NotNull(report.Var);
        Assert.NotNull(report.Kelly);
    }

    [Fact]
    public void Compute_ConfidenceOutOfRange_VarsNullWithNote()
    {
        var report = RiskMetrics.Compute(RiskVectors.Typical, new RiskParameters(VarConfidence: 1.0, CvarConfidence: double.NaN));

        Assert.Null(report.Var);
        Assert.Null(report.Cvar);
        Assert.Null(report.ParametricVar);
        Assert.Null(report.CornishFisherVar);
        Assert.Equal("the confidence must lie strictly between 0 and 1", report.Notes["var"]);
        Assert.NotNull(report.Sharpe);
    }

    [Fact]
    public void Compute_NothingToNote_SharesOneEmptyNotesInstance()
    {
        var first = RiskMetrics.Compute(RiskVectors.Typical, Defaults);
        var second = RiskMetrics.Compute([0.01, -0.02], Defaults);

        Assert.Empty(first.Notes);
        Assert.Same(first.Notes, second.Notes);
    }

    [Fact]
    public void Compute_NullParameters_ThrowsArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => RiskMetrics.Compute([0.01], null!));
    }

    [Fact]
    public void Compute_EveryLengthWithNonFiniteNoise_NeverThrowsAndEveryNullIsNoted()
    {
        var random = new Random(20240611);
        double[] noise = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -1.0, 5.0];

        for (var length = 0; length <= 1100; length += length < 40 ? 1 : 97)
        {
            var returns = new double[length];
            for (var i = 0; i < length; i++)
            {
                returns[i] = random.NextDouble() < 0.1 ? noise[random.Next(noise.Length)] : (random.NextDouble() - 0.5) * 0.04;
            }

            var report = RiskMetrics.Compute(returns, Defaults);

            double?[] metrics =
            [
                report.AnnualVolatility, report.Sharpe, report.Sortino, report.DownsideRisk, report.MaxDrawdown, report.AnnualReturn,
                report.Calmar, report.Var, report.Cvar, report.ParametricVar, report.CornishFisherVar, report.Kelly,
            ];
            Assert.All(metrics, m => Assert.True(m is null || double.IsFinite(m.Value)));
            Assert.Equal(metrics.Count(m => m is null), report.Notes.Count);
        }
    }
}
