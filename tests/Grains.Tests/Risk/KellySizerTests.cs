using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class KellySizerTests
{
    private const double Cap = 0.25;

    [Fact]
    public void Size_EnoughClosedTrades_UsesDiscreteKelly()
    {
        var trades = new ClosedTrades(Wins: 12, Losses: 8, GrossWin: 2_400m, GrossLoss: 800m);

        var sizing = KellySizer.Size(trades, continuous: (0.9, "continuous: test"), Cap, equity: 1_000_000m, notionalPerLot: 100_000m);

        Assert.Equal(0.6 - 0.4 / 2.0, sizing.DiscreteKelly!.Value, 12);
        Assert.Equal(0.25, sizing.Fraction);
        Assert.StartsWith("discrete", sizing.Source);
        Assert.Equal(2.5m, sizing.Lots);
    }

    [Fact]
    public void Size_FewClosedTrades_UsesContinuousKelly()
    {
        var trades = new ClosedTrades(Wins: 3, Losses: 1, GrossWin: 300m, GrossLoss: 100m);

        var sizing = KellySizer.Size(trades, continuous: (0.1, "continuous: 30 one-minute equity returns"), Cap, equity: 1_000_000m, notionalPerLot: 108_500m);

        Assert.Equal(0.1, sizing.Fraction);
        Assert.Equal("continuous: 30 one-minute equity returns", sizing.Source);
        Assert.Equal(0.92m, sizing.Lots);
    }

    [Fact]
    public void Size_NoHistory_UsesHalfTheCap()
    {
        var sizing = KellySizer.Size(ClosedTrades.None, (double.NaN, ""), Cap, equity: 1_000_000m, notionalPerLot: 100_000m);

        Assert.Null(sizing.DiscreteKelly);
        Assert.Equal(0.125, sizing.Fraction);
        Assert.StartsWith("prior", sizing.Source);
        Assert.Equal(1.25m, sizing.Lots);
    }

    [Fact]
    public void Size_LosingEdge_ClampsToZeroLots()
    {
        var trades = new ClosedTrades(Wins: 5, Losses: 20, GrossWin: 500m, GrossLoss: 2_000m);

        var sizing = KellySizer.Size(trades, (0.2, "continuous: test"), Cap, 1_000_000m, 100_000m);

        Assert.True(sizing.DiscreteKelly < 0);
        Assert.Equal(0.0, sizing.Fraction);
        Assert.Equal(0m, sizing.Lots);
    }

    [Fact]
    public void ClosedTrades_Add_CountsWinsAndLossesAndIgnoresFlat()
    {
        var trades = ClosedTrades.None.Add(50m).Add(-20m).Add(0m).Add(30m);

        Assert.Equal(new ClosedTrades(2, 1, 80m, 20m), trades);
    }
}
