using AriaPro.Grains.MarketData;
using AriaPro.Grains.Risk;
using AriaPro.Grains.Tests.MarketData;

namespace AriaPro.Grains.Tests.Risk;

// Expected values: reference_metrics.py on the same file (float(close[t]) / float(close[t-1]) - 1).
[Trait("Category", "Unit")]
public sealed class RiskMetricsEurUsdTests
{
    [SkippableFact]
    public void Compute_EurUsdLast252DailyReturns_MatchesReference()
    {
        var returns = DailyReturns();

        var report = RiskMetrics.Compute(returns.AsSpan(returns.Length - 252), new RiskParameters());

        Assert.Equal(252, report.Count);
        RiskAssert.Report(report,
            annualVolatility: 0.07059553225616251,
            sharpe: 0.4651083479076763,
            sortino: 0.6839919386206272,
            downsideRisk: 0.048004325085384304,
            maxDrawdown: -0.0775379696243006,
            annualReturn: 0.030817329164803953,
            calmar: 0.397448234898657,
            historicalVar: 0.007160996533286379,
            historicalCvar: 0.010487356162794356,
            parametricVar: 0.007184533508705224,
            cornishFisherVar: 0.007001563448158848,
            kelly: 6.588353866643955);
    }

    [SkippableFact]
    public void Compute_EurUsdWholeFile_MatchesReference()
    {
        var returns = DailyReturns();

        var report = RiskMetrics.Compute(returns, new RiskParameters());

        Assert.Equal(3496, report.Count);
        RiskAssert.Report(report,
            annualVolatility: 0.09556103427664397,
            sharpe: -0.06862339929476645,
            sortino: -0.09754784584964543,
            downsideRisk: 0.06722570811347997,
            maxDrawdown: -0.35038459133262634,
            annualReturn: -0.011058866735394579,
            calmar: -0.03156208066494625,
            historicalVar: 0.009611183704360093,
            historicalCvar: 0.018772830973899486,
            parametricVar: 0.009927678569442292,
            cornishFisherVar: 0.009432238202559277,
            kelly: -0.7181106798834499);
    }

    private static double[] DailyReturns()
    {
        var path = SharedData.Find(SharedData.EurUsdDailyFile);
        Skip.IfNot(path is not null && File.Exists(path), $"{SharedData.EurUsdDailyFile} not found: clone the repository next to the shared folder (../shared/data).");
        var bars = CsvBarReader.ReadFile(path!).Bars;
        var returns = new double[bars.Count - 1];
        for (var t = 1; t < bars.Count; t++)
        {
            returns[t - 1] = (double)bars[t].Close / (double)bars[t - 1].Close - 1.0;
        }

        return returns;
    }
}
