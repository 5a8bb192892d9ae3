using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Tests.Trading;

/// <summary>An order's whole life on one symbol's book, with no cluster: commands in, events out.</summary>
[Trait("Category", "Unit")]
public sealed partial class OrderBookTests
{
    private readonly BookFixture _f = new();

    [Fact]
    public void Submit_PassingEveryCheck_IsSubmittedWithItsDeadlineAndGoesToTheBrokerOnlyAfterTheWrite()
    {
        var (order, events) = _f.Submit(BookFixture.Buy("a-1"));

        Assert.Equal(OrderStatus.Submitted, order.Status);
        Assert.Equal(_f.Now + BookFixture.Timeout, order.ExpiresAt);
        Assert.True(events.NeedsWrite);
        Assert.Same(order, events.ToBroker);
        var change = Assert.Single(events.Changes);
        Assert.Equal((OrderStatus.New, OrderStatus.Submitted, (string?)null), (change.From, change.Order.Status, change.DenyCategory));
        Assert.Empty(events.Finished);
        Assert.Same(order, _f.Book.Find("a-1"));
    }

    [Fact]
    public void Check_AskTheRiskBudgetForTheWorstCaseOnTheOrdersSide()
    {
        _f.Long("long", 1m);
        _f.Submit(BookFixture.Buy("working", 0.5m));

        var (denial, question) = _f.Book.Check(BookFixture.Buy("next", 0.25m), BookFixture.Quote);
        var (_, sellQuestion) = _f.Book.Check(BookFixture.Sell("exit", 1m), BookFixture.Quote);

        Assert.Null(denial);
        Assert.Equal(("EURUSD", 1.5m, 1.75m, 1.1002m), (question!.Symbol, question.CurrentQuantity, question.ProjectedQuantity, question.Price));
        Assert.Equal((1m, 0m, 1.1000m), (sellQuestion!.CurrentQuantity, sellQuestion.ProjectedQuantity, sellQuestion.Price));
    }

    [Fact]
    public void Check_WithoutAPrice_DeniesForTheRiskBudgetAndAsksNothing()
    {
        var (denial, question) = _f.Book.Check(BookFixture.Buy("a-2"), quote: null);

        Assert.Equal("risk_budget", denial!.Value.Category);
        Assert.Contains("no market price for EURUSD", denial.Value.Reason);
        Assert.Null(question);
    }

    [Fact]
    public void Submit_BeyondTheLimit_IsDeniedWithTheFiguresAndFinishesAtOnce()
    {
        var (denial, question) = _f.Book.Check(BookFixture.Buy("big", 3m), BookFixture.Quote);
        var (order, events) = _f.Book.Submit(BookFixture.Buy("big", 3m), denial, BookFixture.Timeout, _f.Now);

        Assert.Null(question);
        Assert.Equal(OrderStatus.Denied, order.Status);
        Assert.Contains("position limit exceeded: EURUSD limit is 2 lots, exposure would reach 3 lots", order.Reason);
        Assert.Equal("position_limit", Assert.Single(events.Changes).DenyCategory);
        Assert.Same(order, Assert.Single(events.Finished));
        Assert.Null(events.ToBroker);
    }

    [Fact]
    public void Submit_WhileHalted_IsDeniedAsHalted_AndReducingLetsOnlyAnExitPass()
    {
        _f.Long("long", 1m);
        _f.Book.SetTradingState(TradingState.Halted, "desk closed");
        var halted = _f.Book.Check(BookFixture.Sell("s-1"), BookFixture.Quote).Denial;
        _f.Book.SetTradingState(TradingState.Reducing, "wind down");
        var increase = _f.Book.Check(BookFixture.Buy("b-1", 0.5m), BookFixture.Quote).Denial;
        var exit = _f.Book.Check(BookFixture.Sell("s-2"), BookFixture.Quote).Denial;

        Assert.Equal(new Denial("halted", "trading halted: desk closed"), halted);
        Assert.Equal("reducing", increase!.Value.Category);
        Assert.Null(exit);
    }

    [Fact]
    public void Submit_ADenialFromTheRiskBudget_IsRecordedWithItsReason()
    {
        var (order, events) = _f.Book.Submit(BookFixture.Buy("r-1"), new Denial("risk_budget", "VaR 1,200 USD would exceed the budget of 1,000 USD"), BookFixture.Timeout, _f.Now);

        Assert.Equal(OrderStatus.Denied, order.Status);
        Assert.Equal("VaR 1,200 USD would exceed the budget of 1,000 USD", order.Reason);
        Assert.Equal("risk_budget", Assert.Single(events.Changes).DenyCategory);
    }

    [Fact]
    public void Submit_ForAnotherSymbolOrAnIdOnTheBook_IsRefusedAndChangesNothing()
    {
        _f.Submit(BookFixture.Buy("a-3"));

        Assert.Throws<ArgumentException>(() => _f.Book.Check(BookFixture.Buy("g-1") with { Symbol = "GBPUSD" }, BookFixture.Quote));
        Assert.Throws<InvalidOperationException>(() => _f.Book.Submit(BookFixture.Buy("a-3"), null, BookFixture.Timeout, _f.Now));
        Assert.Single(_f.State.Orders);
    }

    [Fact]
    public void Fill_MovesThePositionOnce_EvenWhenTheBrokerDeliversItTwice()
    {
        _f.Submit(BookFixture.Buy("f-1", 2m));

        var first = _f.Fill("f-1", 2m, 1.2m, "exec-1");
        var again = _f.Report("f-1", ExecutionKind.Fill, 2m, 1.2m, "exec-1");

        Assert.True(first.PositionChanged);
        Assert.Equal([OrderStatus.Accepted, OrderStatus.Filled], first.Changes.Select(c => c.Order.Status));
        Assert.Equal("f-1", Assert.Single(first.Finished).ClientOrderId);
        Assert.False(again.NeedsWrite);
        Assert.Equal((2m, 1.2m, 1.2m), (_f.State.Position.Quantity, _f.State.Position.AveragePrice, _f.State.LastPrice));
    }

    [Fact]
    public void Fill_ThatClosesAPosition_RealizesPnlAndCountsTheClosedTrade()
    {
        _f.Submit(BookFixture.Buy("open"));
        _f.Fill("open", 1m, 1.1000m, "e-1");
        _f.Submit(BookFixture.Sell("close"));
        _f.Fill("close", 1m, 1.1050m, "e-2");

        Assert.Equal(0m, _f.State.Position.Quantity);
        Assert.Equal(500m, _f.State.Position.RealizedPnl);
        Assert.Equal((1, 0, 500m), (_f.State.ClosedTrades.Wins, _f.State.ClosedTrades.Losses, _f.State.ClosedTrades.GrossWin));
    }

    [Fact]
    public void Report_ForAnUnknownOrderOrAStaleStatus_ChangesNothing()
    {
        _f.Submit(BookFixture.Buy("s-1"));
        _f.Report("s-1", ExecutionKind.Cancelled, reason: "venue closed");

        var unknown = _f.Report("nobody", ExecutionKind.Fill, 1m, 1.1m, "e-9");
        var stale = _f.Report("s-1", ExecutionKind.Accepted);

        Assert.False(unknown.NeedsWrite);
        Assert.False(stale.NeedsWrite);
        Assert.Equal(OrderStatus.Cancelled, _f.Book.Find("s-1")!.Status);
        Assert.Equal(0m, _f.State.Position.Quantity);
    }

    [Fact]
    public void Fill_AfterTheOrderWasCancelled_IsStillBookedToThePosition()
    {
        _f.Submit(BookFixture.Buy("late", 1m));
        _f.Report("late", ExecutionKind.Accepted);
        _f.Book.Cancel("late", _f.Now);

        var events = _f.Report("late", ExecutionKind.Fill, 1m, 1.1m, "e-late");

        Assert.Equal(OrderStatus.Cancelled, _f.Book.Find("late")!.Status);
        Assert.Equal(1m, _f.State.Position.Quantity);
        Assert.True(events.PositionChanged);
        Assert.Equal("late", Assert.Single(events.Finished).ClientOrderId);
    }

    [Fact]
    public void Cancel_AWorkingOrder_EndsItHereAndAtTheBroker_AndAnUnknownIdIsNull()
    {
        _f.Submit(BookFixture.Buy("c-1"));

        var (order, events) = _f.Book.Cancel("c-1", _f.Now);
        var (unknown, nothing) = _f.Book.Cancel("nobody", _f.Now);

        Assert.Equal(OrderStatus.Cancelled, order!.Status);
        Assert.Equal("cancelled by request", order.Reason);
        Assert.Same(order, Assert.Single(events.Cancels));
        Assert.Same(order, Assert.Single(events.Finished));
        Assert.Null(unknown);
        Assert.False(nothing.NeedsWrite);
    }

    [Fact]
    public void ExpireOverdue_OnlyPastTheDeadline_AndThreeExpiriesOpenTheBreaker()
    {
        foreach (var id in new[] { "e-1", "e-2", "e-3" })
        {
            _f.Submit(BookFixture.Buy(id, 0.5m));
        }

        _f.Clock.Advance(BookFixture.Timeout - TimeSpan.FromSeconds(1));
        var early = _f.Book.ExpireOverdue(_f.Now);
        _f.Clock.Advance(TimeSpan.FromSeconds(1));
        var due = _f.Book.ExpireOverdue(_f.Now);
        var (next, nextEvents) = _f.Submit(BookFixture.Buy("after", 0.5m));

        Assert.False(early.NeedsWrite);
        Assert.Equal(3, due.Finished.Count);
        Assert.Equal(3, due.Cancels.Count);
        Assert.All(due.Finished, o => Assert.Equal(OrderStatus.Expired, o.Status));
        Assert.StartsWith("not acknowledged by the broker within 30.0s", due.Finished[0].Reason);
        var open = Assert.Single(due.Transitions);
        Assert.Equal((CircuitState.Closed, CircuitState.Open), (open.From, open.To));
        Assert.Equal(OrderStatus.Denied, next.Status);
        Assert.Equal("circuit_breaker", Assert.Single(nextEvents.Changes).DenyCategory);
    }

    [Fact]
    public void Breaker_AfterItsCooldown_AdmitsOneProbeWhoseFillClosesIt()
    {
        _f.Book.HaltBreaker("");
        _f.Book.ResumeBreaker();
        for (var i = 0; i < 3; i++)
        {
            var (order, _) = _f.Submit(BookFixture.Buy($"x-{i}", 0.5m));
            _f.Report(order.ClientOrderId, ExecutionKind.Rejected, reason: "no liquidity");
        }

        _f.Clock.Advance(TimeSpan.FromSeconds(60));
        var (probe, probeEvents) = _f.Submit(BookFixture.Buy("probe", 0.5m));
        var (second, _) = _f.Submit(BookFixture.Buy("second", 0.5m));
        var filled = _f.Fill("probe", 0.5m, 1.1m, "e-probe");

        Assert.True(probe.IsProbe);
        Assert.Equal((CircuitState.Open, CircuitState.HalfOpen), (probeEvents.Transitions[0].From, probeEvents.Transitions[0].To));
        Assert.Equal(OrderStatus.Denied, second.Status);
        Assert.Contains("probe order probe is in flight", second.Reason);
        Assert.Contains(filled.Transitions, t => t.To == CircuitState.Closed);
        Assert.Equal(CircuitState.Closed, _f.State.Breaker.State);
    }

    [Fact]
    public void BrokerFailed_RejectsTheSubmittedOrderAsABreakerFailure()
    {
        var (order, _) = _f.Submit(BookFixture.Buy("b-1"));

        var events = _f.Book.BrokerFailed(order, "connection refused", _f.Now);

        Assert.Equal(OrderStatus.Rejected, order.Status);
        Assert.Equal("broker error: connection refused", order.Reason);
        Assert.Same(order, Assert.Single(events.Finished));
        Assert.Equal(1, _f.State.Breaker.ConsecutiveFailures);
    }

}
