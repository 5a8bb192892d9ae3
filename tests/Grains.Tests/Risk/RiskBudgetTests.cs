using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class RiskBudgetTests
{
    [Theory]
    [InlineData(0.0, 1.0, 10.0, 50.0, true)] // within the budget
    [InlineData(0.0, 1.0, 150.0, 120.0, false)] // opens more risk above the budget
    [InlineData(2.0, 3.0, 150.0, 160.0, true)] // above the budget, but it lowers the VaR
    [InlineData(2.0, 1.0, 150.0, 120.0, true)] // above the budget and raising the VaR (a hedge's leg closed), but it reduces its exposure
    [InlineData(-2.0, 0.0, 150.0, 120.0, true)] // a short closed to flat
    [InlineData(2.0, -1.0, 150.0, 120.0, false)] // flips from long to short: it opens a new position
    [InlineData(2.0, 2.5, 150.0, 120.0, false)] // grows the position
    public void Allows_WithinTheBudget_OrLoweringTheVar_OrReducingItsSymbolWithoutFlipping(
        double current, double projected, double varAfter, double varBefore, bool allowed)
    {
        var check = new RiskCheck("EURUSD", (decimal)current, (decimal)projected, 1.1m);

        Assert.Equal(allowed, RiskBudget.Allows(check, (decimal)varBefore, (decimal)varAfter, budget: 100m));
    }
}
