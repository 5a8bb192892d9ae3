using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class FeedPacerTests
{
    [Fact]
    public void Constructor_NormalSpeed_OneBarPerInterval()
    {
        var pacer = new FeedPacer(TimeSpan.FromSeconds(1), 2.0);

        Assert.Equal(TimeSpan.FromMilliseconds(500), pacer.Period);
        Assert.Equal(1, pacer.NextTick());
        Assert.Equal(1, pacer.NextTick());
    }

    [Fact]
    public void NextTick_ClampedPeriod_PullsSeveralBarsToKeepSpeed()
    {
        var pacer = new FeedPacer(TimeSpan.FromSeconds(1), 60.0);

        var bars = Enumerable.Range(0, 60).Sum(_ => pacer.NextTick());

        Assert.Equal(FeedPacer.MinimumPeriod, pacer.Period);
        Assert.Equal(3.0, pacer.BarsPerTick, 9);
        Assert.Equal(180, bars);
    }

    [Fact]
    public void NextTick_FractionalBarsPerTick_CarriesTheRemainder()
    {
        var pacer = new FeedPacer(TimeSpan.FromMilliseconds(30), 1.0);

        var ticks = Enumerable.Range(0, 3).Select(_ => pacer.NextTick()).ToArray();

        Assert.Equal([1, 2, 2], ticks);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    public void Constructor_InvalidSpeed_Throws(double speed)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new FeedPacer(TimeSpan.FromSeconds(1), speed));
    }
}
