using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using AriaPro.Grains.Tests.MarketData;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Tests.Trading;

[Collection(ClusterCollection.Name), Trait("Category", "Integration")]
public sealed partial class TraderGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Submit_SameClientOrderIdTwice_TradesOnce()
    {
        var request = Market("dup-1", "AUDUSD", OrderSide.Buy, 1m);

        var first = await Order("dup-1").Submit(request);
        await FilledAsync("dup-1");
        var second = await Order("dup-1").Submit(request);
        var conflict = await Assert.ThrowsAsync<ClientOrderIdConflictException>(() => Order("dup-1").Submit(request with { Quantity = 2m }));
        var position = await Trader("AUDUSD").GetPosition();

        Assert.False(first.Duplicate);
        Assert.True(second.Duplicate);
        Assert.Equal(1m, second.Order.Quantity);
        Assert.Equal(OrderStatus.Filled, second.Order.Status);
        Assert.Equal(["quantity"], conflict.Fields);
        Assert.Equal(1m, position.Quantity);
    }

    [Fact]
    public async Task Submit_UsedIdOnAnotherSymbol_ConflictNamesTheFieldsAndNothingTrades()
    {
        await Order("dup-2").Submit(Market("dup-2", "NZDUSD", OrderSide.Sell, 1m));

        var conflict = await Assert.ThrowsAsync<ClientOrderIdConflictException>(() => Order("dup-2").Submit(Market("dup-2", "USDCAD", OrderSide.Buy, 1m)));

        Assert.Equal(["symbol", "side"], conflict.Fields);
        Assert.Contains("differs in symbol, side", conflict.Message);
        Assert.Equal("NZDUSD", (await Order("dup-2").Get())!.Symbol);
        Assert.Null(await Trader("USDCAD").GetOrder("dup-2"));
    }

    [Fact]
    public async Task Submit_BeyondPositionLimit_DeniedWithReasonAndNothingTraded()
    {
        var result = await Order("limit-1").Submit(Market("limit-1", "EURUSD", OrderSide.Buy, 3m));
        var position = await Trader("EURUSD").GetPosition();

        Assert.Equal(OrderStatus.Denied, result.Order.Status);
        Assert.Contains("position limit exceeded: EURUSD limit is 2 lots", result.Order.Reason);
        Assert.Equal(0m, position.Quantity);
        Assert.Equal(0, position.WorkingOrders);
    }

    [Fact]
    public async Task Submit_InvalidQuantity_RefusedAndIdStaysUnused()
    {
        var refused = await Assert.ThrowsAsync<InvalidOrderException>(() => Order("bad-1").Submit(Market("bad-1", "EURUSD", OrderSide.Buy, -1m)));

        Assert.Equal(["quantity must be greater than zero"], refused.Errors["quantity"]);

        Assert.Null(await Order("bad-1").Get());
    }

    [Fact]
    public async Task Breaker_ConsecutiveRejections_OpensDeniesThenRecoversThroughProbe()
    {
        const string symbol = "USDCHF";
        fixture.Paper.RejectRate = 1.0;
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                await Order($"cb-{i}").Submit(Market($"cb-{i}", symbol, OrderSide.Buy, 1m));
                await StatusAsync($"cb-{i}", OrderStatus.Rejected);
            }

            var denied = await Order("cb-4").Submit(Market("cb-4", symbol, OrderSide.Buy, 1m));
            var open = await Trader(symbol).GetStatus();
            fixture.Time.Advance(ClusterFixture.Cooldown);
            var halfOpen = await Trader(symbol).GetStatus();
            fixture.Paper.RejectRate = 0.0;
            var probe = await Order("cb-5").Submit(Market("cb-5", symbol, OrderSide.Buy, 1m));
            await FilledAsync("cb-5");
            var closed = await Trader(symbol).GetStatus();

            Assert.Equal(OrderStatus.Denied, denied.Order.Status);
            Assert.StartsWith("circuit breaker open after 3 consecutive failures", denied.Order.Reason);
            Assert.Equal(CircuitState.Open, open.CircuitBreaker.State);
            Assert.Equal(fixture.Time.GetUtcNow(), open.CircuitBreaker.OpensUntil);
            Assert.Equal(CircuitState.HalfOpen, halfOpen.CircuitBreaker.State);
            Assert.True(probe.Order.IsProbe);
            Assert.Equal(new CircuitBreakerView(CircuitState.Closed, 0, null, null), closed.CircuitBreaker);
        }
        finally
        {
            fixture.Paper.RejectRate = 0.0;
        }
    }

    [Fact]
    public async Task Breaker_FailedProbe_ReopensAndSurvivesReactivation()
    {
        const string symbol = "EURGBP";
        fixture.Paper.RejectRate = 1.0;
        try
        {
            for (var i = 1; i <= 3; i++)
            {
                await Order($"rp-{i}").Submit(Market($"rp-{i}", symbol, OrderSide.Sell, 1m));
                await StatusAsync($"rp-{i}", OrderStatus.Rejected);
            }

            fixture.Time.Advance(ClusterFixture.Cooldown);
            await Order("rp-probe").Submit(Market("rp-probe", symbol, OrderSide.Sell, 1m));
            await StatusAsync("rp-probe", OrderStatus.Rejected);
            await fixture.Cluster.DeactivateAsync(Trader(symbol));
            var reopened = await Trader(symbol).GetStatus();

            Assert.Equal(CircuitState.Open, reopened.CircuitBreaker.State);
            Assert.Equal(4, reopened.CircuitBreaker.ConsecutiveFailures);
            Assert.Equal(fixture.Time.GetUtcNow() + ClusterFixture.Cooldown, reopened.CircuitBreaker.OpensUntil);
        }
        finally
        {
            fixture.Paper.RejectRate = 0.0;
        }
    }

    [Fact]
    public async Task Submit_TurbulentThenCalmMarket_TimeoutIsTheBaseStretchedByTheVolatilityRatio()
    {
        const string symbol = "GBPCHF";
        var market = fixture.Grains.GetGrain<IMarketDataGrain>(symbol);
        var (baseTimeout, maxTimeout) = (fixture.Configuration.Trader.BaseOrderTimeout, fixture.Configuration.Trader.MaxOrderTimeout);

        var turbulent = await MarketDataAdvance.UntilRatio(market, r => r > 1.25);
        var stretched = await Order("ato-turbulent").Submit(Market("ato-turbulent", symbol, OrderSide.Buy, 0.01m));
        var turbulentStatus = await Trader(symbol).GetStatus();
        var calm = await MarketDataAdvance.UntilRatio(market, r => r < 0.95);
        var based = await Order("ato-calm").Submit(Market("ato-calm", symbol, OrderSide.Sell, 0.01m));
        var calmStatus = await Trader(symbol).GetStatus();

        var expected = AdaptiveTimeout.Compute(baseTimeout, maxTimeout, turbulent);
        Assert.True(expected > baseTimeout, $"a ratio of {turbulent} must stretch the timeout");
        Assert.Equal(expected, stretched.Order.ExpiresAt - stretched.Order.CreatedAt);
        Assert.Equal(expected.TotalSeconds, turbulentStatus.OrderTimeoutSeconds, 9);
        Assert.Equal(baseTimeout, based.Order.ExpiresAt - based.Order.CreatedAt);
        Assert.Equal(baseTimeout.TotalSeconds, calmStatus.OrderTimeoutSeconds, 9);
        Assert.True(calm < 1.0);
    }

    [Fact]
    public async Task ExpireOverdueOrders_UnacknowledgedPastTimeout_ExpiresAndCountsFailure()
    {
        const string symbol = "GBPJPY";
        fixture.Paper.Latency = TimeSpan.FromSeconds(5);
        try
        {
            var submitted = await Order("exp-1").Submit(Market("exp-1", symbol, OrderSide.Buy, 1m));
            var early = await Trader(symbol).ExpireOverdueOrders();
            fixture.Time.Advance(TimeSpan.FromSeconds(2.5));
            var expired = await Trader(symbol).ExpireOverdueOrders();
            var order = await Order("exp-1").Get();
            var status = await Trader(symbol).GetStatus();

            Assert.Equal(OrderStatus.Submitted, submitted.Order.Status);
            Assert.InRange(submitted.Order.ExpiresAt!.Value - submitted.Order.CreatedAt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
            Assert.Equal(0, early);
            Assert.Equal(1, expired);
            Assert.Equal(OrderStatus.Expired, order!.Status);
            Assert.Contains("not acknowledged by the broker", order.Reason);
            Assert.Equal(1, status.CircuitBreaker.ConsecutiveFailures);
            Assert.Equal(0, status.WorkingOrders);
        }
        finally
        {
            fixture.Paper.Latency = TimeSpan.Zero;
        }
    }

    [Fact]
    public async Task HaltAndResume_IsolatedBreakerDeniesUntilResumed()
    {
        const string symbol = "EURCHF";

        var halted = await Trader(symbol).HaltCircuitBreaker("desk review");
        var denied = await Order("halt-1").Submit(Market("halt-1", symbol, OrderSide.Buy, 1m));
        var resumed = await Trader(symbol).ResumeCircuitBreaker();
        var allowed = await Order("halt-2").Submit(Market("halt-2", symbol, OrderSide.Buy, 1m));

        Assert.Equal(CircuitState.Isolated, halted.CircuitBreaker.State);
        Assert.Equal(OrderStatus.Denied, denied.Order.Status);
        Assert.Contains("desk review", denied.Order.Reason);
        Assert.Equal(CircuitState.Closed, resumed.CircuitBreaker.State);
        Assert.Equal(OrderStatus.Submitted, allowed.Order.Status);
        await FilledAsync("halt-2");
    }

    [Fact]
    public async Task SetTradingState_Reducing_LetsOnlyReducingOrdersThrough()
    {
        const string symbol = "AUDJPY";
        await Order("red-1").Submit(Market("red-1", symbol, OrderSide.Buy, 2m));
        await FilledAsync("red-1");

        await Trader(symbol).SetTradingState(TradingState.Reducing, "risk review");
        var increase = await Order("red-2").Submit(Market("red-2", symbol, OrderSide.Buy, 0.5m));
        var reduce = await Order("red-3").Submit(Market("red-3", symbol, OrderSide.Sell, 1m));
        await FilledAsync("red-3");
        var position = await Trader(symbol).GetPosition();

        Assert.Equal(OrderStatus.Denied, increase.Order.Status);
        Assert.Contains("reducing-only (risk review)", increase.Order.Reason);
        Assert.Equal(OrderStatus.Submitted, reduce.Order.Status);
        Assert.Equal(1m, position.Quantity);
    }

    private static OrderRequest Market(string id, string symbol, OrderSide side, decimal quantity) =>
        new(id, symbol, side, quantity, OrderType.Market);

    private IOrderGrain Order(string id) => fixture.Grains.GetGrain<IOrderGrain>(id);

    private ITraderGrain Trader(string symbol) => fixture.Grains.GetGrain<ITraderGrain>(symbol);

    private Task<OrderView> StatusAsync(string id, OrderStatus status) =>
        Eventually.Get(async () => (await Order(id).Get())!, o => o.Status == status, $"{id} to be {status}");

    private Task<OrderView> FilledAsync(string id) => StatusAsync(id, OrderStatus.Filled);

    // The trader lets a finished order go only once its order grain has confirmed the archive, and
    // prunes when an order arrives: submit small flat-keeping orders until it has gone. Each is
    // waited for until filled, so no fill of theirs lands in a position the test reads afterwards.
    private async Task LeftTraderAsync(string symbol, string id)
    {
        var extra = 0;
        await Eventually.Get(
            async () =>
            {
                var next = $"{id}-poke-{extra}";
                await Order(next).Submit(Market(next, symbol, extra++ % 2 == 0 ? OrderSide.Sell : OrderSide.Buy, 0.01m));
                await FilledAsync(next);
                return await Trader(symbol).GetOrder(id);
            },
            order => order is null,
            $"{id} to leave the trader");
    }
}
