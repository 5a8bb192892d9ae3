using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

// Expected values come from reference_metrics.py (python3 standard library), never from RiskMetrics.
[Trait("Category", "Unit")]
public sealed class RiskMetricsComputeTests
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

    [Fact]
    public void Compute_TypicalTwentyReturns_MatchesReference()
    {
        var report = RiskMetrics.Compute(RiskVectors.Typical, Defaults);

        Assert.Equal(20, report.Count);
        Assert.Empty(report.Notes);
        RiskAssert.Report(report,
            annualVolatility: 0.18806963995734188,
            sharpe: 1.875900863531309,
            sortino: 2.821352908104711,
            downsideRisk: 0.12504639139135523,
            maxDrawdown: -0.023976160000000246,
            annualReturn: 0.3989981912556346,
            calmar: 16.64145514776472,
            historicalVar: 0.0191,
            historicalCvar: 0.021,
            parametricVar: 0.018087031157564146,
            cornishFisherVar: 0.019285898337893737,
            kelly: 9.974501274936253);
    }

    [Fact]
    public void Compute_TypicalWithCustomParameters_MatchesReference()
    {
        var parameters = new RiskParameters(RiskFreeRate: 0.0001, RequiredReturn: 0.0005, PeriodsPerYear: 52, VarConfidence: 0.90, CvarConfidence: 0.95);

        var report = RiskMetrics.Compute(RiskVectors.Typical, parameters);

        RiskAssert.Report(report,
            annualVolatility: 0.0854319057865139,
            sharpe: 0.7912734636744017,
            sortino: 0.7969782705994737,
            downsideRisk: 0.05872180174347515,
            maxDrawdown: -0.023976160000000246,
            annualReturn: 0.07173954057296328,
            calmar: 2.9921196961049032,
            historicalVar: 0.0154,
            historicalCvar: 0.021,
            parametricVar: 0.013782892190886447,
            cornishFisherVar: 0.014843798451131046,
            kelly: 9.974501274936253);
    }

    [Fact]
    public void Compute_NaNSprinkled_SameAsWithoutThem()
    {
        var sprinkled = new List<double>(RiskVectors.Typical);
        sprinkled.Insert(0, double.NaN);
        sprinkled.Insert(7, double.NaN);
        sprinkled.Insert(12, double.PositiveInfinity);
        sprinkled.Add(double.NegativeInfinity);
        sprinkled.Add(double.NaN);

        var report = RiskMetrics.Compute(sprinkled.ToArray(), Defaults);

        Assert.Equal(20, report.Count);
        Assert.Empty(report.Notes);
        RiskAssert.Report(report,
            annualVolatility: 0.18806963995734188,
            sharpe: 1.875900863531309,
            sortino: 2.821352908104711,
            downsideRisk: 0.12504639139135523,
            maxDrawdown: -0.023976160000000246,
            annualReturn: 0.3989981912556346,
            calmar: 16.64145514776472,
            historicalVar: 0.0191,
            historicalCvar: 0.021,
            parametricVar: 0.018087031157564146,
            cornishFisherVar: 0.019285898337893737,
            kelly: 9.974501274936253);
    }

    [Fact]
    public void Compute_FirstReturnIsALoss_DrawdownCountsFromStartingValue()
    {
        var report = RiskMetrics.Compute([-0.10, 0.05, 0.02], Defaults);

        RiskAssert.Report(report,
            annualVolatility: 1.26,
            sharpe: -2.0000000000000004,
            sortino: -2.7495454169735036,
            downsideRisk: 0.9165151389911681,
            maxDrawdown: -0.09999999999999998,
            annualReturn: -0.9544292325236331,
            calmar: -9.544292325236333,
            historicalVar: 0.088,
            historicalCvar: 0.1,
            parametricVar: 0.1405562092004861,
            cornishFisherVar: 0.15585916875339853,
            kelly: -1.5873015873015872);
    }

    [Fact]
    public void Compute_LongerThanStackBuffer_MatchesReference()
    {
        var report = RiskMetrics.Compute(RiskVectors.LongSine(), Defaults);

        Assert.Equal(2000, report.Count);
        RiskAssert.Report(report,
            annualVolatility: 0.11226677467223793,
            sharpe: 0.4631514666646481,
            sortino: 0.6724462136081901,
            downsideRisk: 0.07732443174622891,
            maxDrawdown: -0.027657115089630313,
            annualReturn: 0.046754801180348915,
            calmar: 1.6905162027502658,
            historicalVar: 0.009658806848828893,
            historicalCvar: 0.00979809867171123,
            parametricVar: 0.011426303106060909,
            cornishFisherVar: 0.011643324647324458,
            kelly: 4.125454463413736);
    }
}
