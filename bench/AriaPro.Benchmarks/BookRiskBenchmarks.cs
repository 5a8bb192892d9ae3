using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Risk;
using BenchmarkDotNet.Attributes;

namespace AriaPro.Benchmarks;

/// <summary>
/// What the pre-trade budget computes per order: the book's 1-day VaR before and after the order
/// by historical simulation (three symbols, 252 days each, the synthetic daily history), against
/// the catalog figure it replaced (annual volatility / sqrt 252 at correlation 1) as the baseline.
/// Not sealed: BenchmarkDotNet derives from benchmark classes.
/// </summary>
[MemoryDiagnoser]
public class BookRiskBenchmarks
{
    private static readonly DateTimeOffset AsOf = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);
    private readonly BookRiskCalculator _calculator = new(0.95, 0.99, 252);
    private readonly double _z = ExposureVar.Z(0.95);
    private Exposure[] _before = [];
    private Exposure[] _after = [];

    [GlobalSetup]
    public void Setup()
    {
        var options = new MarketDataOptions();
        var end = DateOnly.FromDateTime(AsOf.UtcDateTime);
        _calculator.Use(options.Symbols.ToDictionary(
            s => s,
            s => new ReturnWindow(s, SyntheticFeed.DailyReturns(s, options, 252, end), end.AddDays(-1), "synthetic", 252, [], TimeSpan.Zero)));
        _before = [new("EURUSD", 217_000m), new("GBPUSD", -127_000m), new("USDJPY", 100_000m)];
        _after = [new("EURUSD", 325_500m), new("GBPUSD", -127_000m), new("USDJPY", 100_000m)];
    }

    /// <summary>Both VaRs of one pre-trade check, by historical simulation.</summary>
    [Benchmark]
    public decimal ScenarioVarBeforeAndAfter() => _calculator.VarOf(_before) + _calculator.VarOf(_after);

    /// <summary>Every figure of the book, as the metrics report it.</summary>
    [Benchmark]
    public BookRisk FullBookFigures() => _calculator.Of(_after, 1_000_000m, AsOf);

    /// <summary>Both VaRs of one pre-trade check as the catalog computed them.</summary>
    [Benchmark(Baseline = true)]
    public decimal CatalogVarBeforeAndAfter() =>
        _before.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, _z)) + _after.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, _z));
}
