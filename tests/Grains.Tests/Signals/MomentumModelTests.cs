using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class MomentumModelTests
{
    [Fact]
    public void Score_SteadyRiseAfterNoise_IsStronglyPositive()
    {
        var bars = Bars(Noise(200).Concat(Enumerable.Repeat(0.0005, 20)));

        Assert.True(MomentumModel.Score(bars) > 0.9);
    }

    [Fact]
    public void Score_SteadyFallAfterNoise_IsStronglyNegative()
    {
        var bars = Bars(Noise(200).Concat(Enumerable.Repeat(-0.0005, 20)));

        Assert.True(MomentumModel.Score(bars) < -0.9);
    }

    [Fact]
    public void Score_TooFewBars_IsZero() => Assert.Equal(0.0, MomentumModel.Score(Bars(Noise(10))));

    [Fact]
    public void Score_FlatPrices_IsZero() => Assert.Equal(0.0, MomentumModel.Score(Bars(Enumerable.Repeat(0.0, 100))));

    [Theory]
    [InlineData(0.5, 1)]
    [InlineData(-0.5, -1)]
    [InlineData(0.1, 0)]
    [InlineData(-0.25, 0)]
    public void TargetPosition_Threshold_FullSizeOrFlat(double score, int expected) =>
        Assert.Equal(expected, MomentumModel.TargetPosition(score, 1m));

    private static IEnumerable<double> Noise(int count) =>
        Enumerable.Range(0, count).Select(i => (i % 2 == 0 ? 1 : -1) * 0.0001);

    private static List<Bar> Bars(IEnumerable<double> returns)
    {
        var price = 1.1m;
        var start = new DateTimeOffset(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
        var bars = new List<Bar> { new(start, price, price, price, price, 0m) };
        foreach (var r in returns)
        {
            price *= (decimal)Math.Exp(r);
            bars.Add(new(start.AddSeconds(bars.Count), price, price, price, price, 0m));
        }

        return bars;
    }
}
