using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Tests.Trading;

[Trait("Category", "Unit")]
public sealed class PositionBookTests
{
    private const decimal Contract = 100_000m;
    private readonly PositionBook _book = new();

    [Fact]
    public void Apply_TwoBuys_AveragesEntryPrice()
    {
        _book.Apply(OrderSide.Buy, 1m, 1.1000m, Contract);
        _book.Apply(OrderSide.Buy, 3m, 1.1040m, Contract);

        Assert.Equal(4m, _book.Quantity);
        Assert.Equal(1.1030m, _book.AveragePrice);
        Assert.Equal(0m, _book.RealizedPnl);
    }

    [Fact]
    public void Apply_PartialClose_RealizesOnClosedLotsOnly()
    {
        _book.Apply(OrderSide.Buy, 2m, 1.1000m, Contract);

        _book.Apply(OrderSide.Sell, 1m, 1.1010m, Contract);

        Assert.Equal(1m, _book.Quantity);
        Assert.Equal(1.1000m, _book.AveragePrice);
        Assert.Equal(100m, _book.RealizedPnl);
    }

    [Fact]
    public void Apply_FlipLongToShort_RealizesAndReentersAtFillPrice()
    {
        _book.Apply(OrderSide.Buy, 1m, 1.1000m, Contract);

        _book.Apply(OrderSide.Sell, 3m, 1.0990m, Contract);

        Assert.Equal(-2m, _book.Quantity);
        Assert.Equal(1.0990m, _book.AveragePrice);
        Assert.Equal(-100m, _book.RealizedPnl);
    }

    [Fact]
    public void Apply_CloseShort_FlatWithZeroAverage()
    {
        _book.Apply(OrderSide.Sell, 1m, 150.00m, Contract);

        _book.Apply(OrderSide.Buy, 1m, 149.50m, Contract);

        Assert.Equal(0m, _book.Quantity);
        Assert.Equal(0m, _book.AveragePrice);
        Assert.Equal(50_000m, _book.RealizedPnl);
    }

    [Fact]
    public void Unrealized_Short_GainsWhenPriceFalls()
    {
        _book.Apply(OrderSide.Sell, 2m, 1.2700m, Contract);

        Assert.Equal(200m, _book.Unrealized(1.2690m, Contract));
    }
}
