using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Tests.Trading;

/// <summary>Flatten orders and the kill switch: no stop traps a position, and an exit can never grow one.</summary>
public sealed partial class OrderBookTests
{
    private static OrderRequest Flatten(string id, OrderSide side, decimal lots) =>
        new(id, "EURUSD", side, lots, OrderType.Market, Source: OrderSources.Flatten);

    [Fact]
    public void AFlattenOrder_PassesAHaltedSymbolAnOpenBreakerAndTheLimit_BecauseItOnlyReduces()
    {
        _f.Long("long", 1m);
        _f.Book.SetTradingState(TradingState.Halted, "desk closed");
        _f.Book.HaltBreaker("venue down");
        var plain = _f.Book.Check(BookFixture.Sell("plain-exit"), BookFixture.Quote).Denial;

        var (denial, question) = _f.Book.Check(Flatten("flat-1", OrderSide.Sell, 1m), BookFixture.Quote);
        var (order, events) = _f.Book.Submit(Flatten("flat-1", OrderSide.Sell, 1m), denial, BookFixture.Timeout, _f.Now);

        Assert.Equal("halted", plain!.Value.Category);
        Assert.Null(denial);
        Assert.Equal((1m, 0m), (question!.CurrentQuantity, question.ProjectedQuantity));
        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Same(order, events.ToBroker);
        Assert.False(order.IsProbe);
        Assert.Equal(CircuitState.Isolated, _f.State.Breaker.State);
    }

    [Theory]
    [InlineData(OrderSide.Buy, 1.0)] // the same side: it grows the position
    [InlineData(OrderSide.Sell, 1.5)] // more than the position: it would open a short
    public void AFlattenOrderThatWouldNotOnlyReduce_IsDeniedAsNotReducing_EvenOnAnActiveSymbol(OrderSide side, double lots)
    {
        _f.Long("long", 1m);

        var denial = _f.Book.Check(Flatten("flat-2", side, (decimal)lots), BookFixture.Quote).Denial;

        Assert.Equal("not_reducing", denial!.Value.Category);
        Assert.StartsWith("a flatten order must only reduce the position", denial.Value.Reason);
    }

    [Fact]
    public void AFlattenOrder_CountsTheWorkingOrdersOnItsSide_SoTwoFlattensNeverOvershoot()
    {
        _f.Long("long", 1m);
        _f.Book.HaltBreaker("venue down");
        var (first, _) = _f.Book.Submit(Flatten("flat-3", OrderSide.Sell, 1m), null, BookFixture.Timeout, _f.Now);

        var second = _f.Book.Check(Flatten("flat-4", OrderSide.Sell, 1m), BookFixture.Quote).Denial;

        Assert.Equal(OrderStatus.Submitted, first.Status);
        Assert.Equal("not_reducing", second!.Value.Category);
    }

    [Fact]
    public void TheKillSwitch_MakesAnActiveSymbolReducing_AndLiftingItRestoresOnlyWhatItChanged()
    {
        var other = new BookFixture();
        other.Book.SetTradingState(TradingState.Halted, "desk closed");

        var tripped = _f.Book.ApplyKillSwitch("daily loss 3%");
        var again = _f.Book.ApplyKillSwitch("daily loss 3%");
        var otherTripped = other.Book.ApplyKillSwitch("daily loss 3%");
        var reducing = (_f.State.TradingState, _f.State.TradingStateReason);
        _f.Book.ApplyKillSwitch(null);
        other.Book.ApplyKillSwitch(null);

        Assert.True(tripped.NeedsWrite);
        Assert.False(again.NeedsWrite);
        Assert.False(otherTripped.NeedsWrite);
        Assert.Equal((TradingState.Reducing, (string?)"kill switch: daily loss 3%"), reducing);
        Assert.Equal(TradingState.Active, _f.State.TradingState);
        Assert.Equal((TradingState.Halted, (string?)"desk closed"), (other.State.TradingState, other.State.TradingStateReason));
    }

    [Fact]
    public void LiftingTheKillSwitch_LeavesASymbolAnOperatorMadeReducing()
    {
        _f.Book.SetTradingState(TradingState.Reducing, "wind down");

        var lifted = _f.Book.ApplyKillSwitch(null);

        Assert.False(lifted.NeedsWrite);
        Assert.Equal((TradingState.Reducing, (string?)"wind down"), (_f.State.TradingState, _f.State.TradingStateReason));
    }
}
