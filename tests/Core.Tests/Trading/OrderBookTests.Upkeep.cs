using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Tests.Trading;

/// <summary>The book's upkeep: finished orders leaving, reconciliation, trading state and the view.</summary>
public sealed partial class OrderBookTests
{
    [Fact]
    public void FinishedOrders_StayUntilTheirArchiveIsConfirmed_AreResentAfterFiveSeconds_ThenLeave()
    {
        var (denied, _) = _f.Book.Submit(BookFixture.Buy("d-1"), new Denial("halted", "trading halted"), BookFixture.Timeout, _f.Now);

        var tooSoon = _f.Book.UnconfirmedArchives(_f.Now + TimeSpan.FromSeconds(4));
        _f.Clock.Advance(TimeSpan.FromSeconds(5));
        var resent = _f.Book.UnconfirmedArchives(_f.Now);
        _f.Book.ConfirmArchived("d-1", denied.UpdatedAt - TimeSpan.FromTicks(1));
        var stillHeld = _f.Book.Find("d-1") is not null;
        _f.Book.ConfirmArchived("d-1", denied.UpdatedAt);
        _f.Submit(BookFixture.Buy("n-1"));

        Assert.Empty(tooSoon);
        Assert.Same(denied, Assert.Single(resent));
        Assert.True(stillHeld);
        Assert.Null(_f.Book.Find("d-1"));
        Assert.NotNull(_f.Book.Find("n-1"));
    }

    [Fact]
    public void ConfirmedOrdersEndedWithLotsAtTheVenue_AreKeptForAWindow_ThenTheOldestLeave()
    {
        var book = new BookFixture(retained: 1);
        var ids = new[] { "k-1", "k-2", "k-3" };
        foreach (var id in ids)
        {
            var (order, _) = book.Submit(BookFixture.Buy(id, 0.5m));
            book.Book.Cancel(id, book.Now);
            book.Book.ConfirmArchived(id, order.UpdatedAt);
            book.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        book.Submit(BookFixture.Buy("k-4", 0.5m));

        Assert.Null(book.Book.Find("k-1"));
        Assert.Null(book.Book.Find("k-2"));
        Assert.NotNull(book.Book.Find("k-3"));
    }

    [Fact]
    public void ToReconcile_NamesAcknowledgedAndUnexpiredOrders_NotOverdueOnes()
    {
        _f.Submit(BookFixture.Buy("ack", 0.5m));
        _f.Report("ack", ExecutionKind.Accepted);
        _f.Submit(BookFixture.Buy("fresh", 0.5m));
        _f.Clock.Advance(BookFixture.Timeout);
        _f.Submit(BookFixture.Buy("newer", 0.5m));

        var pending = _f.Book.ToReconcile(_f.Now);

        Assert.Equal([("ack", true), ("newer", false)], pending.Select(p => (p.Order.ClientOrderId, p.Acknowledged)).OrderBy(p => p.ClientOrderId));
    }

    [Fact]
    public void SetTradingState_RefusesAnUndefinedStateOrAnUnprintableReason_AndKeepsTheState()
    {
        Assert.Throws<ArgumentException>(() => _f.Book.SetTradingState((TradingState)42, "why"));
        Assert.Throws<ArgumentException>(() => _f.Book.SetTradingState(TradingState.Halted, "bad\u0007bell"));

        Assert.Equal(TradingState.Active, _f.State.TradingState);
    }

    [Fact]
    public void View_ShowsTheLimitTimeoutWorkingOrdersAndTheBreakersReason()
    {
        _f.Submit(BookFixture.Buy("v-1"));
        _f.Book.HaltBreaker("maintenance");

        var view = _f.Book.View(BookFixture.Timeout, _f.Now);

        Assert.Equal(("EURUSD", 2m, 30.0, 1), (view.Symbol, view.PositionLimit, view.OrderTimeoutSeconds, view.WorkingOrders));
        Assert.Equal((CircuitState.Isolated, "maintenance"), (view.CircuitBreaker.State, view.CircuitBreaker.Reason));
    }
}
