using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

// Expected values come from reference_metrics.py (python3 standard library), never from RiskMetrics.
[Trait("Category", "Unit")]
public sealed partial class RiskMetricsComputeTests
{
    private static readonly RiskParameters Defaults = new();

    [Fact]
    public void Compute_OneGain_SortinoInfiniteAndDeviationMetricsNull()
    {
        var report = RiskMetrics.Compute([0.01], Defaults);

        Assert.Equal(1, report.Count);
        Assert.Equal("no returns below the required return; the ratio is +infinity", report.Notes["sortino"]);
        Assert.Equal("no drawdown; the ratio is undefined (division by zero)", report.Notes["calmar"]);
        Assert.StartsWith("fewer than 2 returns", report.Notes["annualVolatility"]);
        RiskAssert.Report(report,
            annualVolatility: null,
            sharpe: null,
            sortino: null,
            downsideRisk: 0.0,
            maxDrawdown: 0.0,
            annualReturn: 11.274002099240244,
            calmar: null,
            historicalVar: -0.01,
            historicalCvar: -0.01,
            parametricVar: null,
            cornishFisherVar: null,
            kelly: null);
    }

    [Fact]
    public void Compute_OneLoss_MatchesReference()
    {
        var report = RiskMetrics.Compute([-0.02], Defaults);

        RiskAssert.Report(report,
            annualVolatility: null,
            sharpe: null,
            sortino: -15.874507866387543,
            downsideRisk: 0.3174901573277509,
            maxDrawdown: -0.020000000000000018,
            annualReturn: -0.9938486409880014,
            calmar: -49.692432049400026,
            historicalVar: 0.02,
            historicalCvar: 0.02,
            parametricVar: null,
            cornishFisherVar: null,
            kelly: null);
    }

    [Fact]
    public void Compute_TwoReturns_MatchesReference()
    {
        var report = RiskMetrics.Compute([0.01, -0.02], Defaults);

        Assert.Empty(report.Notes);
        RiskAssert.Report(report,
            annualVolatility: 0.3367491648096548,
            sharpe: -3.7416573867739413,
            sortino: -5.612486080160911,
            downsideRisk: 0.2244994432064365,
            maxDrawdown: -0.020000000000000018,
            annualReturn: -0.7252241032651303,
            calmar: -36.261205163256484,
            historicalVar: 0.0185,
            historicalCvar: 0.02,
            parametricVar: 0.0398926146103002,
            cornishFisherVar: 0.04074881117494428,
            kelly: -11.11111111111111);
    }

    [Fact]
    public void Compute_AllPositive_NoDrawdownAndInfiniteSortinoNoted()
    {
        var report = RiskMetrics.Compute([0.01, 0.02, 0.005, 0.03, 0.015], Defaults);

        Assert.Equal(["calmar", "sortino"], report.Notes.Keys.Order());
        RiskAssert.Report(report,
            annualVolatility: 0.15267612779999365,
            sharpe: 26.408843727566477,
            sortino: null,
            downsideRisk: 0.0,
            maxDrawdown: 0.0,
            annualReturn: 53.11280696886808,
            calmar: null,
            historicalVar: -0.006,
            historicalCvar: -0.005,
            parametricVar: -0.00018030438017768366,
            cornishFisherVar: -0.0010957279118581093,
            kelly: 172.97297297297297);
    }

    [Fact]
    public void Compute_AllNegative_MatchesReference()
    {
        var report = RiskMetrics.Compute([-0.01, -0.02, -0.005, -0.03, -0.015], Defaults);

        RiskAssert.Report(report,
            annualVolatility: 0.15267612779999365,
            sharpe: -26.408843727566477,
            sortino: -13.981806360084846,
            downsideRisk: 0.28837475617675,
            maxDrawdown: -0.07765729795000009,
            annualReturn: -0.982995153487438,
            calmar: -12.658116872935016,
            historicalVar: 0.027999999999999997,
            historicalCvar: 0.03,
            parametricVar: 0.031819695619822314,
            cornishFisherVar: 0.033068810821673775,
            kelly: -172.97297297297297);
    }

    [Fact]
    public void Compute_FlatSeries_ZeroDeviationRatiosNullWithNotes()
    {
        var flat = Enumerable.Repeat(0.001, 10).ToArray();

        var report = RiskMetrics.Compute(flat, Defaults);

        Assert.Equal("the returns have zero deviation; the ratio is undefined", report.Notes["sharpe"]);
        Assert.Contains("zero variance", report.Notes["kelly"]);
        RiskAssert.Report(report,
            annualVolatility: 0.0,
            sharpe: null,
            sortino: null,
            downsideRisk: 0.0,
            maxDrawdown: 0.0,
            annualReturn: 0.2864340443761473,
            calmar: null,
            historicalVar: -0.001,
            historicalCvar: -0.001,
            parametricVar: -0.001,
            cornishFisherVar: null,
            kelly: null);
    }

    [Fact]
    public void Compute_TiesAtTheQuantile_TailTakesEveryTiedReturn()
    {
        var report = RiskMetrics.Compute(RiskVectors.Ties, Defaults);

        RiskAssert.Report(report,
            annualVolatility: 0.2058562605314689,
            sharpe: 0.23317240814574258,
            sortino: 0.2986266754903937,
            downsideRisk: 0.1607358080827045,
            maxDrawdown: -0.08704376000000003,
            annualReturn: 0.028060394819779955,
            calmar: 0.32237112482020475,
            historicalVar: 0.02,
            historicalCvar: 0.03,
            parametricVar: 0.02113953413902875,
            cornishFisherVar: 0.024117473526700055,
            kelly: 1.132695248343433);
    }

    [Fact]
    public void Compute_TiesAtTheCvarQuantile_TakesExactlyTheReferenceTailCount()
    {
        // n = 21, c = 0.95: floor(20 x 0.05) + 1 = 2 returns, -0.03 and one of the three tied -0.02.
        var report = RiskMetrics.Compute(RiskVectors.Ties, new RiskParameters(CvarConfidence: 0.95));

        RiskAssert.Close(0.025, report.Cvar!.Value, "cvar");
    }

    [Fact]
    public void Compute_MostlyFlatBook_CvarIsTheTailNotDilutedByTiedZeros()
    {
        // One loss among 100 flat days, c = 0.99: floor(100 x 0.01) + 1 = 2 returns, -0.01 and 0. The
        // cutoff ties with every flat day; taking them all in would give 0.01 / 101.
        double[] returns = [-0.01, .. Enumerable.Repeat(0.0, 100)];

        var report = RiskMetrics.Compute(returns, new RiskParameters(CvarConfidence: 0.99));

        RiskAssert.Close(0.005, report.Cvar!.Value, "cvar");
        RiskAssert.Close(0.005, RiskMetrics.HistoricalCvar(returns, 0.99), "cvar");
    }

    [Theory]
    [InlineData(1, 0.99, 1)]
    [InlineData(21, 0.95, 2)]
    [InlineData(252, 0.99, 3)]
    [InlineData(252, 0.95, 13)]
    [InlineData(100, 0.5, 50)]
    public void HistoricalCvar_AnyLength_AveragesFloorOfNMinusOneTimesTailPlusOneLowest(int n, double confidence, int tail)
    {
        var returns = Enumerable.Range(1, n).Select(i => -i / 1000.0).Reverse().ToArray();
        var expected = -Enumerable.Range(1, n).Select(i => -i / 1000.0).OrderBy(r => r).Take(tail).Average();

        RiskAssert.Close(expected, RiskMetrics.HistoricalCvar(returns, confidence), "cvar");
    }

}
