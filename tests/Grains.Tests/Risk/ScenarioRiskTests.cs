using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

/// <summary>
/// Historical simulation of a book on fixed return windows, against values worked by hand: each
/// scenario's P&amp;L is Σ notional × that day's return, VaR minus its linearly interpolated (1 - c)
/// quantile, CVaR minus the mean of the floor((n - 1)(1 - c)) + 1 worst scenarios.
/// </summary>
[Trait("Category", "Unit")]
public sealed class ScenarioRiskTests
{
    private const double Tolerance = 1e-9;

    // Five days in which GBPUSD tends to move against EURUSD.
    private static readonly Dictionary<string, double[]> Windows = new()
    {
        ["EURUSD"] = [0.01, -0.02, 0.005, -0.01, 0.0],
        ["GBPUSD"] = [-0.01, 0.015, 0.0, 0.01, -0.005],
    };

    [Fact]
    public void ATwoSymbolBook_EachScenarioIsTheSumOfItsLegs()
    {
        var pnl = ScenarioRisk.ProfitAndLoss([new("EURUSD", 100_000m), new("GBPUSD", 50_000m)], Windows);

        // 100,000 × r(EURUSD) + 50,000 × r(GBPUSD), day by day.
        Assert.Equal([500.0, -1250.0, 500.0, -500.0, -250.0], pnl, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void ATwoSymbolBook_VarInterpolatesBetweenTheTwoWorstScenarios_CvarIsTheWorst()
    {
        var figures = ScenarioRisk.Compute([new("EURUSD", 100_000m), new("GBPUSD", 50_000m)], Windows, 0.95)!;

        // Sorted P&L -1250, -500, -250, 500, 500; the 5% quantile sits 0.2 of the way from the
        // first to the second: -1250 + 0.2 × 750 = -1100. The tail is floor(4 × 0.05) + 1 = 1 scenario.
        Assert.Equal(5, figures.Scenarios);
        Assert.Equal(1100.0, figures.Var, Tolerance);
        Assert.Equal(1250.0, figures.Cvar, Tolerance);
    }

    [Fact]
    public void AHedgedBook_HasLessVarThanTheSumOfItsLegs()
    {
        var book = ScenarioRisk.Compute([new("EURUSD", 100_000m), new("GBPUSD", 50_000m)], Windows, 0.95)!;
        var eurusd = ScenarioRisk.Compute([new("EURUSD", 100_000m)], Windows, 0.95)!;
        var gbpusd = ScenarioRisk.Compute([new("GBPUSD", 50_000m)], Windows, 0.95)!;

        // EURUSD alone: sorted -2000, -1000, 0, 500, 1000 → -2000 + 0.2 × 1000 = -1800.
        // GBPUSD alone: sorted -500, -250, 0, 500, 750 → -500 + 0.2 × 250 = -450.
        Assert.Equal(1800.0, eurusd.Var, Tolerance);
        Assert.Equal(450.0, gbpusd.Var, Tolerance);
        Assert.True(book.Var < eurusd.Var + gbpusd.Var, $"the hedged book's VaR {book.Var} is not below its legs' {eurusd.Var + gbpusd.Var}");
    }

    [Fact]
    public void TiesAtTheCutoff_CountOnlyTheTailsOwnScenarios()
    {
        Dictionary<string, double[]> flat = new() { ["USDJPY"] = [-0.005, -0.005, -0.005, 0.001, 0.002] };

        var figures = ScenarioRisk.Compute([new("USDJPY", 100_000m)], flat, 0.6)!;

        // Sorted -500, -500, -500, 100, 200; the 40% quantile is at 1.6, between two equal values:
        // -500. The tail is floor(4 × 0.4) + 1 = 2 scenarios, not the three that tie.
        Assert.Equal(500.0, figures.Var, Tolerance);
        Assert.Equal(500.0, figures.Cvar, Tolerance);
    }

    [Fact]
    public void AShortPosition_LosesOnTheDaysItsSymbolRose()
    {
        var figures = ScenarioRisk.Compute([new("EURUSD", -100_000m)], Windows, 0.95)!;

        // -100,000 × r: sorted -1000, -500, 0, 1000, 2000 → -1000 + 0.2 × 500 = -900.
        Assert.Equal(900.0, figures.Var, Tolerance);
        Assert.Equal(1000.0, figures.Cvar, Tolerance);
    }

    [Fact]
    public void WindowsOfDifferentLengths_AreAlignedAtTheNewestDay()
    {
        Dictionary<string, double[]> windows = new()
        {
            ["EURUSD"] = [0.03, 0.01, -0.02],
            ["GBPUSD"] = [0.01, -0.01],
        };

        var pnl = ScenarioRisk.ProfitAndLoss([new("EURUSD", 1_000m), new("GBPUSD", 1_000m)], windows);

        Assert.Equal([20.0, -30.0], pnl, (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void AnEmptyBook_HasNoFigures_AndAHeldSymbolWithoutAWindowIsNamed()
    {
        Assert.Null(ScenarioRisk.Compute([new("EURUSD", 0m)], Windows, 0.95));
        var missing = Assert.Throws<ArgumentException>(() => ScenarioRisk.Compute([new("AUDNZD", 1_000m)], Windows, 0.95));
        Assert.Contains("AUDNZD", missing.Message);
    }
}
