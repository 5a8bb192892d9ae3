using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class BookRiskCalculatorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Yesterday = new(2026, 1, 4);

    // 20 days: EURUSD's worst day -2%, GBPUSD moving against it on that day.
    private static readonly double[] Eurusd = [.. Enumerable.Range(0, 19).Select(i => (i % 5 - 2) / 1000.0), -0.02];
    private static readonly double[] Gbpusd = [.. Enumerable.Range(0, 19).Select(i => (2 - i % 5) / 1000.0), 0.015];

    private static BookRiskCalculator Calculator(params ReturnWindow[] windows)
    {
        var calculator = new BookRiskCalculator(0.95, 0.99, 252);
        calculator.Use(windows.ToDictionary(w => w.Symbol));
        return calculator;
    }

    private static ReturnWindow Window(string symbol, double[] daily) => new(symbol, daily, Yesterday, "test days", 252, [], TimeSpan.Zero);

    [Fact]
    public void Of_EveryHeldSymbolHasAWindow_IsHistoricalSimulationWithTheScenarioFigures()
    {
        var calculator = Calculator(Window("EURUSD", Eurusd), Window("GBPUSD", Gbpusd));
        Exposure[] book = [new("EURUSD", 1_000_000m), new("GBPUSD", 500_000m)];

        var risk = calculator.Of(book, 10_000_000m, AsOf);
        var expected = ScenarioRisk.Compute(book, new Dictionary<string, double[]> { ["EURUSD"] = Eurusd, ["GBPUSD"] = Gbpusd }, 0.95, 0.99)!;

        Assert.Equal(BookRisk.HistoricalSimulation, risk.Method);
        Assert.Null(risk.Fallback);
        Assert.Equal(20, risk.Scenarios);
        Assert.Equal(Yesterday, risk.WindowEnd);
        Assert.Equal(Math.Round((decimal)expected.Var, 2), risk.Var);
        Assert.Equal(Math.Round((decimal)expected.Cvar, 2), risk.Cvar);
        Assert.Equal((double)(risk.Var / 10_000_000m), risk.VarOfEquity, 15);
        Assert.True(risk.Cvar >= risk.Var);
        Assert.Equal("20 days: test days", risk.Sources["GBPUSD"]);
        Assert.Equal("historical simulation over 20 days to 2026-01-04", BookRiskCalculator.Describe(risk));
    }

    [Fact]
    public void Of_ASymbolWithoutEnoughDays_FallsBackToTheCatalog_AndNamesIt()
    {
        var calculator = Calculator(Window("EURUSD", Eurusd), Window("GBPUSD", Gbpusd[..5]));
        Exposure[] book = [new("EURUSD", 1_000_000m), new("GBPUSD", 500_000m), new("USDJPY", -200_000m)];

        var risk = calculator.Of(book, 10_000_000m, AsOf);
        var z = ExposureVar.Z(0.95);
        var catalog = Math.Round(book.Sum(e => ExposureVar.Of(e.Symbol, e.Notional, z)), 2);

        Assert.Equal(BookRisk.CatalogVolatility, risk.Method);
        Assert.Equal("no return window of at least 20 days for GBPUSD, USDJPY", risk.Fallback);
        Assert.Equal(catalog, risk.Var);
        Assert.Equal("no return window yet", risk.Sources["USDJPY"]);
        Assert.StartsWith("catalog volatility, correlation 1: no return window", BookRiskCalculator.Describe(risk));
    }

    [Fact]
    public void Of_AFlatBook_LosesNothing()
    {
        var risk = Calculator(Window("EURUSD", Eurusd)).Of([new("EURUSD", 0m)], 10_000_000m, AsOf);

        Assert.Equal(BookRisk.HistoricalSimulation, risk.Method);
        Assert.Equal(0m, risk.Var);
        Assert.Equal(0m, risk.Cvar);
        Assert.Equal(0, risk.Scenarios);
    }

    [Fact]
    public void Of_GrowsWithThePosition()
    {
        var calculator = Calculator(Window("EURUSD", Eurusd));

        var small = calculator.Of([new("EURUSD", 100_000m)], 10_000_000m, AsOf);
        var large = calculator.Of([new("EURUSD", 300_000m)], 10_000_000m, AsOf);

        Assert.True(small.Var > 0m);
        Assert.InRange(large.Var - 3m * small.Var, -0.03m, 0.03m); // each amount is rounded to cents
        Assert.InRange(large.Cvar - 3m * small.Cvar, -0.03m, 0.03m);
    }

    [Fact]
    public void VarOf_IsTheVarOfTheFullFigures_ByEitherMethod()
    {
        var calculator = Calculator(Window("EURUSD", Eurusd), Window("GBPUSD", Gbpusd));
        Exposure[] historical = [new("EURUSD", 1_000_000m), new("GBPUSD", -700_000m)];
        Exposure[] fallback = [new("EURUSD", 1_000_000m), new("USDJPY", 300_000m)];

        Assert.Equal(calculator.Of(historical, 10_000_000m, AsOf).Var, calculator.VarOf(historical));
        Assert.Equal(calculator.Of(fallback, 10_000_000m, AsOf).Var, calculator.VarOf(fallback));
        Assert.Equal(BookRisk.CatalogVolatility, calculator.Of(fallback, 10_000_000m, AsOf).Method);
        Assert.Equal(0m, calculator.VarOf([new("EURUSD", 0m)]));
    }
}
