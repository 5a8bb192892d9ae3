using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.MarketData;

namespace AriaPro.Grains.Tests.MarketData;

[Trait("Category", "Unit")]
public sealed class RollingBarWindowTests
{
    [Fact]
    public void Add_BeyondCapacity_KeepsTheLatestOldestFirst()
    {
        var window = new RollingBarWindow(3);

        window.AddRange(Enumerable.Range(1, 5).Select(BarClosingAt));

        Assert.Equal(3, window.Count);
        Assert.Equal([3m, 4m, 5m], window.LastCloses(10));
        Assert.Equal(5m, window.Latest!.Bar.Close);
        Assert.Equal(3m, window[0].Bar.Close);
    }

    [Fact]
    public void LastBars_FewerThanCount_ReturnsTheLatestOldestFirst()
    {
        var window = new RollingBarWindow(10);
        window.AddRange(Enumerable.Range(1, 4).Select(BarClosingAt));

        var bars = window.LastBars(2);

        Assert.Equal([3m, 4m], bars.Select(b => b.Close));
    }

    [Fact]
    public void LastBars_NegativeOrZero_ReturnsEmpty()
    {
        var window = new RollingBarWindow(10);
        window.Add(BarClosingAt(1));

        Assert.Empty(window.LastBars(0));
        Assert.Empty(window.LastBars(-3));
    }

    [Fact]
    public void Latest_EmptyWindow_IsNull()
    {
        var window = new RollingBarWindow(2);

        Assert.Null(window.Latest);
        Assert.Empty(window.LastCloses(5));
    }

    [Fact]
    public void Constructor_ZeroCapacity_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RollingBarWindow(0));
    }

    private static FeedBar BarClosingAt(int close) =>
        new(new Bar(DateTimeOffset.UnixEpoch.AddMinutes(close), close, close, close, close, 1m), 0.0001m, false);
}
