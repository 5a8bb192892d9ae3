using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class RealizedVolatilityTests
{
    private static readonly decimal[] Closes = [1.1000m, 1.1011m, 1.0989m, 1.1022m, 1.1000m, 1.1033m];

    [Fact]
    public void Compute_FourCloses_MatchesHandComputedSampleDeviation()
    {
        // Returns ln(101/100), ln(99/101), ln(102/99); sample standard deviation (n - 1 = 2).
        decimal[] closes = [100m, 101m, 99m, 102m];

        var volatility = RealizedVolatility.Compute(closes, 4);

        Assert.Equal(0.02509502419808099, volatility, 12);
    }

    [Fact]
    public void Compute_WindowShorterThanSeries_UsesOnlyTheLastBars()
    {
        var all = RealizedVolatility.Compute(Closes, 6);
        var lastThree = RealizedVolatility.Compute(Closes, 3);

        Assert.Equal(0.00250801204540333, all, 12);
        Assert.Equal(0.0035309459443254795, lastThree, 12);
    }

    [Fact]
    public void Compute_WindowLongerThanSeries_UsesWhatIsThere()
    {
        var volatility = RealizedVolatility.Compute(Closes, 500);

        Assert.Equal(0.00250801204540333, volatility, 12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void Compute_FewerThanTwoReturns_ReturnsZero(int bars)
    {
        var volatility = RealizedVolatility.Compute(Closes, bars);

        Assert.Equal(0.0, volatility);
    }

    [Fact]
    public void Compute_FlatPrices_ReturnsZero()
    {
        decimal[] closes = [1.1m, 1.1m, 1.1m, 1.1m];

        var volatility = RealizedVolatility.Compute(closes, 4);

        Assert.Equal(0.0, volatility);
    }

    [Fact]
    public void Snapshot_EnoughData_RatioIsShortOverLong()
    {
        var snapshot = RealizedVolatility.Snapshot(Closes, shortBars: 3, longBars: 6);

        Assert.Equal(0.0035309459443254795, snapshot.ShortWindow, 12);
        Assert.Equal(0.00250801204540333, snapshot.LongWindow, 12);
        Assert.Equal(0.0035309459443254795 / 0.00250801204540333, snapshot.Ratio, 12);
        Assert.Equal(6, snapshot.Bars);
    }

    [Fact]
    public void Snapshot_LongWindowNotFull_RatioIsOne()
    {
        var snapshot = RealizedVolatility.Snapshot(Closes, shortBars: 3, longBars: 500);

        Assert.Equal(1.0, snapshot.Ratio);
        Assert.Equal(6, snapshot.Bars);
        Assert.True(snapshot.ShortWindow > 0);
    }

    [Fact]
    public void Snapshot_LongVolatilityZero_RatioIsOne()
    {
        decimal[] closes = [1.1m, 1.1m, 1.1m, 1.1m];

        var snapshot = RealizedVolatility.Snapshot(closes, shortBars: 2, longBars: 4);

        Assert.Equal(1.0, snapshot.Ratio);
    }

    [Fact]
    public void Snapshot_NoData_IsAllZeroWithRatioOne()
    {
        var snapshot = RealizedVolatility.Snapshot([], shortBars: 30, longBars: 500);

        Assert.Equal(new AriaPro.Grains.Interfaces.MarketData.VolatilitySnapshot(0, 0, 1.0, 0), snapshot);
    }
}
