using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

/// <summary>Typical series, custom parameters, gaps and long series against the reference.</summary>
public sealed partial class RiskMetricsComputeTests
{
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
