using AriaPro.Grains.Risk;

namespace AriaPro.Grains.Tests.Risk;

[Trait("Category", "Unit")]
public sealed class DailyReturnsTests
{
    [Fact]
    public void FromCloses_KeepsTheLastReturns()
    {
        var returns = DailyReturns.FromCloses([100m, 110m, 99m, 99m], keep: 2);

        Assert.Equal(2, returns.Count);
        Assert.Equal(-0.1, returns[0], 15);
        Assert.Equal(0.0, returns[1]);
    }

    [Fact]
    public void FromCloses_OneClose_NoReturns() => Assert.Empty(DailyReturns.FromCloses([1.1m], keep: 252));
}
