using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

// Expected values come from reference_metrics.py (python3 standard library), never from RiskMetrics.
[Trait("Category", "Unit")]
public sealed class RiskMetricsMethodTests
{
    private static readonly double[] Typical = RiskVectors.Typical;

    [Fact]
    public void EachMetric_TypicalDefaultConventions_MatchesReference()
    {
        RiskAssert.Close(0.18806963995734188, RiskMetrics.AnnualVolatility(Typical, 252), "annualVolatility");
        RiskAssert.Close(1.875900863531309, RiskMetrics.Sharpe(Typical, 0.0, 252), "sharpe");
        RiskAssert.Close(0.12504639139135523, RiskMetrics.DownsideRisk(Typical, 0.0, 252), "downsideRisk");
        RiskAssert.Close(2.821352908104711, RiskMetrics.Sortino(Typical, 0.0, 252), "sortino");
        RiskAssert.Close(-0.023976160000000246, RiskMetrics.MaxDrawdown(Typical), "maxDrawdown");
        RiskAssert.Close(0.3989981912556346, RiskMetrics.AnnualReturn(Typical, 252), "annualReturn");
        RiskAssert.Close(16.64145514776472, RiskMetrics.Calmar(Typical, 252), "calmar");
        RiskAssert.Close(0.0191, RiskMetrics.HistoricalVar(Typical, 0.95), "var");
        RiskAssert.Close(0.021, RiskMetrics.HistoricalCvar(Typical, 0.99), "cvar");
        RiskAssert.Close(0.018087031157564146, RiskMetrics.ParametricVar(Typical, 0.95), "parametricVar");
        RiskAssert.Close(0.019285898337893737, RiskMetrics.CornishFisherVar(Typical, 0.95), "cornishFisherVar");
        RiskAssert.Close(9.974501274936253, RiskMetrics.Kelly(Typical), "kelly");
    }

    [Fact]
    public void EachMetric_TypicalCustomConventions_MatchesReference()
    {
        RiskAssert.Close(0.0854319057865139, RiskMetrics.AnnualVolatility(Typical, 52), "annualVolatility");
        RiskAssert.Close(0.7912734636744017, RiskMetrics.Sharpe(Typical, 0.0001, 52), "sharpe");
        RiskAssert.Close(0.05872180174347515, RiskMetrics.DownsideRisk(Typical, 0.0005, 52), "downsideRisk");
        RiskAssert.Close(0.7969782705994737, RiskMetrics.Sortino(Typical, 0.0005, 52), "sortino");
        RiskAssert.Close(0.07173954057296328, RiskMetrics.AnnualReturn(Typical, 52), "annualReturn");
        RiskAssert.Close(2.9921196961049032, RiskMetrics.Calmar(Typical, 52), "calmar");
        RiskAssert.Close(0.0154, RiskMetrics.HistoricalVar(Typical, 0.90), "var");
        RiskAssert.Close(0.021, RiskMetrics.HistoricalCvar(Typical, 0.95), "cvar");
        RiskAssert.Close(0.013782892190886447, RiskMetrics.ParametricVar(Typical, 0.90), "parametricVar");
        RiskAssert.Close(0.014843798451131046, RiskMetrics.CornishFisherVar(Typical, 0.90), "cornishFisherVar");
    }

    [Fact]
    public void EachMetric_Empty_NaN()
    {
        double[] empty = [];

        double[] values =
        [
            RiskMetrics.AnnualVolatility(empty, 252), RiskMetrics.Sharpe(empty, 0, 252), RiskMetrics.DownsideRisk(empty, 0, 252),
            RiskMetrics.Sortino(empty, 0, 252), RiskMetrics.MaxDrawdown(empty), RiskMetrics.AnnualReturn(empty, 252),
            RiskMetrics.Calmar(empty, 252), RiskMetrics.HistoricalVar(empty, 0.95), RiskMetrics.HistoricalCvar(empty, 0.99),
            RiskMetrics.ParametricVar(empty, 0.95), RiskMetrics.CornishFisherVar(empty, 0.95), RiskMetrics.Kelly(empty),
        ];

        Assert.All(values, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void Sortino_NoDownsideAndPositiveMean_PositiveInfinity()
    {
        var sortino = RiskMetrics.Sortino([0.01, 0.02], 0.0, 252);

        Assert.Equal(double.PositiveInfinity, sortino);
    }

    [Fact]
    public void MaxDrawdown_AllGains_Zero()
    {
        var drawdown = RiskMetrics.MaxDrawdown([0.01, 0.02, 0.0]);

        Assert.Equal(0.0, drawdown);
    }

    [Fact]
    public void HistoricalVar_LargeSeries_SortsInPooledBuffer()
    {
        var historicalVar = RiskMetrics.HistoricalVar(RiskVectors.LongSine(), 0.95);

        RiskAssert.Close(0.009658806848828893, historicalVar, "var");
    }

    [Theory]
    [InlineData(6, 4, 0.02, 0.01, 0.4)]
    [InlineData(6, 4, 0.02, -0.01, 0.4)]
    [InlineData(7, 3, 0.01, 0.02, 0.1)]
    [InlineData(3, 3, 0.01, 0.01, 0.0)]
    [InlineData(5, 0, 0.01, 0.0, 1.0)]
    [InlineData(0, 0, 0.01, 0.01, double.NaN)]
    [InlineData(0, 3, 0.0, 0.01, double.NaN)]
    [InlineData(3, 3, 0.01, 0.0, double.NaN)]
    [InlineData(-1, 3, 0.01, 0.01, double.NaN)]
    public void DiscreteKelly_Trades_PMinusQOverB(int wins, int losses, double averageWin, double averageLoss, double expected)
    {
        var kelly = RiskMetrics.DiscreteKelly(wins, losses, averageWin, averageLoss);

        RiskAssert.Close(expected, kelly, "discreteKelly");
    }

    [Theory]
    [InlineData(double.NaN, 0.25, 0.0)]
    [InlineData(-0.3, 0.25, 0.0)]
    [InlineData(0.1, 0.25, 0.1)]
    [InlineData(0.6, 0.25, 0.25)]
    [InlineData(double.PositiveInfinity, 0.25, 0.25)]
    [InlineData(0.1, double.NaN, 0.0)]
    [InlineData(0.1, -1.0, 0.0)]
    public void ClampKelly_AnyFraction_WithinZeroAndMax(double kelly, double max, double expected)
    {
        var clamped = RiskMetrics.ClampKelly(kelly, max);

        Assert.Equal(expected, clamped);
    }

    [Theory]
    [InlineData(0.5, 2.5)]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 4.0)]
    [InlineData(0.25, 1.75)]
    [InlineData(-0.1, double.NaN)]
    [InlineData(1.1, double.NaN)]
    public void Linear_FourValues_InterpolatesLikeNumpy(double q, double expected)
    {
        double[] sorted = [1.0, 2.0, 3.0, 4.0];

        var quantile = SortedQuantile.Linear(sorted, q);

        RiskAssert.Close(expected, quantile, "quantile");
    }

    [Fact]
    public void Linear_SingleValueOrEmpty_ValueOrNaN()
    {
        Assert.Equal(7.0, SortedQuantile.Linear([7.0], 0.05));
        Assert.True(double.IsNaN(SortedQuantile.Linear([], 0.05)));
    }
}
