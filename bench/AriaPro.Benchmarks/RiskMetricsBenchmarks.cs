using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Statistics;

namespace AriaPro.Benchmarks;

/// <summary>
/// The full risk metric set over a year of daily returns against MathNet doing only the basic
/// statistics behind two of them (volatility and historical VaR). Not sealed: BenchmarkDotNet
/// derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class RiskMetricsBenchmarks
{
    private const int Days = 252;
    private readonly RiskParameters _parameters = new();
    private double[] _returns = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(252);
        _returns = new double[Days];
        for (var i = 0; i < Days; i++)
        {
            // Box-Muller: daily returns with a 0.02% mean and 1% deviation.
            var u = 1.0 - random.NextDouble();
            var v = random.NextDouble();
            _returns[i] = 0.0002 + 0.01 * Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
        }
    }

    /// <summary>Every metric of the report, NaN filtering and the one sort included.</summary>
    [Benchmark]
    public RiskReport FullMetricSet() => RiskMetrics.Compute(_returns, _parameters);

    /// <summary>
    /// Statistics.Mean, Statistics.StandardDeviation (sample, ddof = 1) and
    /// Statistics.QuantileCustom(R7), numpy's linear quantile, which copies the data and selects.
    /// </summary>
    [Benchmark(Baseline = true)]
    public double MathNetMeanStdQuantile() =>
        Statistics.Mean(_returns)
        + Statistics.StandardDeviation(_returns)
        + Statistics.QuantileCustom(_returns, 0.05, QuantileDefinition.R7);
}
