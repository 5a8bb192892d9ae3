using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using AriaPro.Grains.Tests.MarketData;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>The trader's orders over their life: limit orders, cancels, repeated fills and how finished orders leave the trader.</summary>
public sealed partial class TraderGrainTests
{
    [Fact]
    public async Task LimitOrder_MarketableBuy_FillsAtAskOnNextMatch()
    {
        const string symbol = "CADJPY";
        var quote = await fixture.Grains.GetGrain<Interfaces.MarketData.IMarketDataGrain>(symbol).GetQuote();

        await Order("lim-1").Submit(new("lim-1", symbol, OrderSide.Buy, 1m, OrderType.Limit, quote.Ask + 1m));
        var accepted = await StatusAsync("lim-1", OrderStatus.Accepted);
        fixture.Time.Advance(fixture.Paper.LimitOrderPollInterval);
        var filled = await FilledAsync("lim-1");

        Assert.Equal(OrderStatus.Accepted, accepted.Status);
        Assert.Equal(quote.Ask, filled.AveragePrice);
    }

    [Fact]
    public async Task Cancel_RestingLimitOrder_CancelsAndFreesExposure()
    {
        const string symbol = "NZDJPY";
        var quote = await fixture.Grains.GetGrain<Interfaces.MarketData.IMarketDataGrain>(symbol).GetQuote();
        await Order("can-1").Submit(new("can-1", symbol, OrderSide.Buy, 2m, OrderType.Limit, Math.Round(quote.Bid * 0.5m, 3)));
        await StatusAsync("can-1", OrderStatus.Accepted);

        var cancelled = await Order("can-1").Cancel();
        var next = await Order("can-2").Submit(Market("can-2", symbol, OrderSide.Buy, 2m));

        Assert.Equal(OrderStatus.Cancelled, cancelled!.Status);
        Assert.Equal(OrderStatus.Submitted, next.Order.Status);
    }

    [Fact]
    public async Task FinishedOrders_BeyondTraderRetention_StillAnsweredFromTheirOrderGrains()
    {
        const string symbol = "NZDJPY";
        const int count = 2 * ClusterFixture.RetainedFinishedOrders + 1;
        await Trader(symbol).SetTradingState(TradingState.Halted, "retention test");
        try
        {
            for (var i = 0; i < count; i++)
            {
                await Order($"ret-{i}").Submit(Market($"ret-{i}", symbol, OrderSide.Buy, 0.01m));
            }

            // The trader lets an order go only once its order grain has confirmed the archive, and
            // prunes when an order arrives: keep submitting until the confirmations are in.
            var extra = 0;
            var inTrader = await Eventually.Get(
                async () =>
                {
                    var id = $"ret-last-{extra++}";
                    await Order(id).Submit(Market(id, symbol, OrderSide.Buy, 0.01m));
                    return await Trader(symbol).GetOrder("ret-0");
                },
                order => order is null,
                "ret-0 to leave the trader");
            var archived = await Order("ret-0").Get();
            var again = await Order("ret-0").Submit(Market("ret-0", symbol, OrderSide.Buy, 0.01m));
            var other = await Assert.ThrowsAsync<ClientOrderIdConflictException>(() => Order("ret-0").Submit(Market("ret-0", symbol, OrderSide.Sell, 1m)));

            Assert.Null(inTrader);
            Assert.Equal(OrderStatus.Denied, archived!.Status);
            Assert.Contains("retention test", archived.Reason);
            Assert.True(again.Duplicate);
            Assert.Equal(OrderSide.Buy, again.Order.Side);
            Assert.Equal(["side", "quantity"], other.Fields);
        }
        finally
        {
            await Trader(symbol).SetTradingState(TradingState.Active, "retention test done");
        }
    }

    [Fact]
    public async Task OnExecutionReports_PartialFillDeliveredTwice_BookedOnce()
    {
        const string symbol = "GBPUSD";
        await Order("twice-1").Submit(new("twice-1", symbol, OrderSide.Buy, 1m, OrderType.Limit, 0.5m));
        await StatusAsync("twice-1", OrderStatus.Accepted);
        var fill = new ExecutionReport("twice-1", ExecutionKind.Fill, 0.4m, 0.5m, null, fixture.Time.GetUtcNow(), "twice-1:p1");

        await Trader(symbol).OnExecutionReports([fill]);
        await Trader(symbol).OnExecutionReports([fill]);
        var order = await Order("twice-1").Get();
        var position = await Trader(symbol).GetPosition();
        await Order("twice-1").Cancel();

        Assert.Equal(OrderStatus.PartiallyFilled, order!.Status);
        Assert.Equal(0.4m, order.FilledQuantity);
        Assert.Equal(0.4m, position.Quantity);
    }

    [Fact]
    public async Task FilledOrder_OnceItsArchiveIsConfirmed_LeavesTheTraderAndItsOrderGrainAnswers()
    {
        const string symbol = "EURJPY";
        await Order("settled-1").Submit(Market("settled-1", symbol, OrderSide.Buy, 0.01m));
        await FilledAsync("settled-1");

        await LeftTraderAsync(symbol, "settled-1");
        var archived = await Order("settled-1").Get();

        Assert.Equal(OrderStatus.Filled, archived!.Status);
        Assert.Equal(0.01m, archived.FilledQuantity);
    }

    [Fact]
    public async Task CancelledOrder_StaysAfterFilledOnesLeave_SoALateFillIsStillBooked()
    {
        const string symbol = "USDCHF";
        await Order("late-1").Submit(new("late-1", symbol, OrderSide.Buy, 0.5m, OrderType.Limit, 0.0001m));
        await StatusAsync("late-1", OrderStatus.Accepted);
        await Order("late-1").Cancel();
        await Order("late-2").Submit(Market("late-2", symbol, OrderSide.Sell, 0.01m));
        await FilledAsync("late-2");
        await LeftTraderAsync(symbol, "late-2");
        var before = await Trader(symbol).GetPosition();

        await Trader(symbol).OnExecutionReports([new("late-1", ExecutionKind.Fill, 0.5m, 0.89m, null, fixture.Time.GetUtcNow(), "late-1:fill")]);
        var order = await Trader(symbol).GetOrder("late-1");
        var after = await Trader(symbol).GetPosition();

        Assert.Equal(OrderStatus.Cancelled, order!.Status);
        Assert.Equal(0.5m, order.FilledQuantity);
        Assert.Equal(before.Quantity + 0.5m, after.Quantity);
    }
}
