using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Tests.Trading;

[Trait("Category", "Unit")]
public sealed class PreTradeCheckTests
{
    [Theory]
    [InlineData(OrderSide.Buy, 2, 0, 0, 0, true)]
    [InlineData(OrderSide.Buy, 3, 0, 0, 0, false)]
    [InlineData(OrderSide.Buy, 1, 1, 0, 0, true)]
    [InlineData(OrderSide.Buy, 1, 1, 1, 0, false)]
    [InlineData(OrderSide.Sell, 2, 0, 0, 0, true)]
    [InlineData(OrderSide.Sell, 4, 2, 0, 0, true)]
    [InlineData(OrderSide.Sell, 5, 2, 0, 0, false)]
    [InlineData(OrderSide.Sell, 1, -1, 0, 1, false)]
    [InlineData(OrderSide.Buy, 1, 3, 0, 0, false)]
    [InlineData(OrderSide.Sell, 1, 3, 0, 0, true)]
    public void Deny_PositionLimitTwo_CountsPositionAndWorkingOrders(
        OrderSide side, int quantity, int position, int workingBuys, int workingSells, bool allowed)
    {
        var reason = PreTradeCheck.Deny(Order(side, quantity), TradingState.Active, null, position, workingBuys, workingSells, limit: 2m);

        Assert.Equal(allowed, reason is null);
        if (!allowed)
        {
            Assert.Contains("position limit exceeded", reason);
        }
    }

    [Fact]
    public void Deny_NoLimitConfigured_SaysSo()
    {
        var reason = PreTradeCheck.Deny(Order(OrderSide.Buy, 1), TradingState.Active, null, 0m, 0m, 0m, limit: 0m);

        Assert.Contains("no position limit is configured for EURUSD", reason);
    }

    [Fact]
    public void Deny_Halted_DeniesEvenReducingOrders()
    {
        var reason = PreTradeCheck.Deny(Order(OrderSide.Sell, 1), TradingState.Halted, "desk closed", 1m, 0m, 0m, 2m);

        Assert.Equal("trading halted: desk closed", reason);
    }

    [Theory]
    [InlineData(OrderSide.Sell, 1, 2, 0, true)]
    [InlineData(OrderSide.Sell, 2, 2, 0, true)]
    [InlineData(OrderSide.Sell, 3, 2, 0, false)]
    [InlineData(OrderSide.Sell, 2, 2, 1, false)]
    [InlineData(OrderSide.Buy, 1, 2, 0, false)]
    [InlineData(OrderSide.Sell, 1, 0, 0, false)]
    public void Deny_Reducing_LetsOnlyReducingOrdersThrough(OrderSide side, int quantity, int position, int workingSells, bool allowed)
    {
        var reason = PreTradeCheck.Deny(Order(side, quantity), TradingState.Reducing, "drawdown", position, 0m, workingSells, 5m);

        Assert.Equal(allowed, reason is null);
    }

    private static OrderRequest Order(OrderSide side, decimal quantity) => new("id-1", "EURUSD", side, quantity, OrderType.Market);
}
