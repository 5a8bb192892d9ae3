using AriaPro.Core.Trading;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Fixtures;

namespace AriaPro.Grains.Tests.Trading;

/// <summary>
/// The core's book is stored through the surrogates in src/Grains: state written by the build
/// before the core moved out (a fixture taken from a real embedded silo's store) still reads,
/// and what is written now reads back the same.
/// </summary>
[Trait("Category", "Unit")]
public sealed class OrderBookStorageTests : IDisposable
{
    private readonly StoredState _stored = new();

    public void Dispose() => _stored.Dispose();

    [Fact]
    public void StateStoredByTheBuildBeforeTheCore_ReadsBackWithItsOrdersPositionsAndBreaker()
    {
        var stored = Fixture();

        var eurusd = stored["EURUSD"];
        var limit = eurusd.Orders["compat-limit"];
        Assert.Equal((OrderSide.Buy, OrderType.Limit, 0.5m, (decimal?)0.5m, OrderStatus.Accepted, "api"),
            (limit.Side, limit.Type, limit.Quantity, limit.LimitPrice, limit.Status, limit.Source));
        Assert.Equal(StringComparer.Ordinal, eurusd.Orders.Comparer);
        Assert.Equal((-1m, 1.08573m), (eurusd.Position.Quantity, eurusd.Position.AveragePrice));
        Assert.Equal(-0.97m, stored["GBPUSD"].Position.Quantity);
        Assert.Equal((CircuitState.Isolated, "compat check"), (stored["USDJPY"].Breaker.State, stored["USDJPY"].Breaker.Reason));
        Assert.Equal(TradingState.Active, stored["USDJPY"].TradingState);
    }

    [Fact]
    public void StateWrittenNow_ReadsBackFieldForField()
    {
        var state = Fixture()["EURUSD"];
        var order = state.Orders["compat-limit"];
        order.AddExecution("exec-1");
        order.AddExecution("exec-2");
        order.IsProbe = true;
        order.Archived = true;
        state.TradingState = TradingState.Reducing;
        state.TradingStateReason = "wind down";
        state.LastPrice = 1.08577m;

        var back = _stored.RoundTrip(state);

        var copy = back.Orders["compat-limit"];
        Assert.Equal(order.ToView(), copy.ToView());
        Assert.Equal((true, true, true), (copy.HasExecution("exec-2"), copy.IsProbe, copy.Archived));
        Assert.Equal((TradingState.Reducing, "wind down", 1.08577m), (back.TradingState, back.TradingStateReason, back.LastPrice));
        Assert.Equal(state.ClosedTrades, back.ClosedTrades);
        Assert.Equal(state.Orders.Keys.Order(), back.Orders.Keys.Order());
    }

    private Dictionary<string, OrderBookState> Fixture() =>
        StoredState.Lines("trader-state-6fdf008.txt").ToDictionary(parts => parts[0], parts => _stored.Read<OrderBookState>(parts[1]));
}
