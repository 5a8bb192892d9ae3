using AriaPro.Grains.Brokers;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Tests.Cluster;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Orleans.Serialization;
using Orleans.Storage;

namespace AriaPro.Grains.Tests.Brokers;

[Trait("Category", "Unit")]
public sealed class PaperBrokerTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 5, 8, 0, 0, TimeSpan.Zero));
    private readonly VenueDouble _venue = VenueDouble.Create();
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();
    private InProcessGrainStorage _book = null!;
    private PaperBroker _broker = null!;

    public Task InitializeAsync()
    {
        _book = new(new OrleansGrainStorageSerializer(_services.GetRequiredService<Serializer>()));
        _broker = Broker(_book);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _services.DisposeAsync();
    }

    [Fact]
    public async Task Submit_SameOrderTwice_ExecutedOnce()
    {
        var order = Market("pb-1", OrderSide.Buy, 2m);

        await _broker.Submit(order);
        await _broker.Submit(order);
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill");
        await _broker.Submit(order with { Quantity = 5m });

        Assert.Equal([ExecutionKind.Accepted, ExecutionKind.Fill], _venue.Reports.Select(r => r.Kind));
        Assert.Equal(2m, _venue.Reports.Last().FillQuantity);
    }

    [Fact]
    public async Task Submit_MarketOrder_AcknowledgementAndFillDeliveredInOneCall()
    {
        await _broker.Submit(Market("pb-together", OrderSide.Sell, 1m));

        await Eventually.True(() => !_venue.Deliveries.IsEmpty, "a delivery");
        var delivery = Assert.Single(_venue.Deliveries);
        Assert.Equal([ExecutionKind.Accepted, ExecutionKind.Fill], delivery.Select(r => r.Kind));
        Assert.All(delivery, r => Assert.Equal("pb-together", r.ClientOrderId));
    }

    [Fact]
    public async Task Submit_LimitOrder_AcknowledgedAloneAndRests()
    {
        await _broker.Submit(new BrokerOrder("pb-limit", "EURUSD", OrderSide.Buy, OrderType.Limit, 1m, 1.0m));

        await Eventually.True(() => !_venue.Deliveries.IsEmpty, "a delivery");
        await _broker.Cancel("EURUSD", "pb-limit");
        await Eventually.True(() => _venue.Deliveries.Count == 2, "the cancellation");

        Assert.Equal([[ExecutionKind.Accepted], [ExecutionKind.Cancelled]], _venue.Deliveries.Select(d => d.Select(r => r.Kind).ToArray()));
    }

    [Fact]
    public async Task Reconcile_AcknowledgedMarketOrderItDoesNotHold_FillsTheUnfilledPartAtTheQuote()
    {
        await _broker.Reconcile(Market("pb-2", OrderSide.Sell, 0.75m), acknowledged: true);

        await Eventually.True(() => !_venue.Reports.IsEmpty, "a report");
        var fill = Assert.Single(_venue.Reports);
        Assert.Equal(ExecutionKind.Fill, fill.Kind);
        Assert.Equal(0.75m, fill.FillQuantity);
        Assert.Equal(_venue.Quote.Bid, fill.FillPrice);
    }

    [Fact]
    public async Task Reconcile_AcknowledgedLimitOrder_RestsAgainUntilCancelled()
    {
        var order = new BrokerOrder("pb-3", "EURUSD", OrderSide.Buy, OrderType.Limit, 1m, 1.0m);

        await _broker.Reconcile(order, acknowledged: true);
        await _broker.Reconcile(order, acknowledged: true);
        _time.Advance(TimeSpan.FromSeconds(1));
        await _broker.Cancel("EURUSD", "pb-3");

        await Eventually.True(() => !_venue.Reports.IsEmpty, "a report");
        var cancelled = Assert.Single(_venue.Reports);
        Assert.Equal(ExecutionKind.Cancelled, cancelled.Kind);
    }

    [Fact]
    public async Task Report_TraderUnreachable_DeliveredAgainUntilItArrives()
    {
        _venue.RefuseReports = 3;

        await _broker.Reconcile(Market("pb-4", OrderSide.Buy, 1m), acknowledged: true);
        await Eventually.True(
            () =>
            {
                // Each poll moves the trading clock on, so every backoff delay elapses.
                _time.Advance(TimeSpan.FromSeconds(1));
                return !_venue.Reports.IsEmpty;
            },
            "the fill, delivered after three refusals");

        var fill = Assert.Single(_venue.Reports);
        Assert.Equal(ExecutionKind.Fill, fill.Kind);
        Assert.Equal(3, _venue.Refused);
    }

    [Fact]
    public async Task Reconcile_OrderItAlreadyFinished_ReportsTheSameEndAgain()
    {
        await _broker.Submit(Market("pb-5", OrderSide.Buy, 1m));
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill");
        await Eventually.True(() => !_broker.Holds("EURUSD", "pb-5"), "the venue done with the delivered order");

        await _broker.Reconcile(Market("pb-5", OrderSide.Buy, 1m), acknowledged: true);
        await Eventually.True(() => _venue.Reports.Count(r => r.Kind == ExecutionKind.Fill) == 2, "the fill reported again");

        var fills = _venue.Reports.Where(r => r.Kind == ExecutionKind.Fill).ToList();
        Assert.Equal(fills[0], fills[1]);
        Assert.Equal(3, _venue.Reports.Count);
    }

    [Fact]
    public async Task Submit_Filled_TheVenuesRecordHoldsTheOrderAndItsEnd()
    {
        await _broker.Submit(Market("pb-rec", OrderSide.Buy, 1m));
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill");

        var record = await RecordAsync("pb-rec");

        Assert.Equal(1m, record!.Order.Quantity);
        Assert.Equal([ExecutionKind.Accepted, ExecutionKind.Fill], record.Final!.Select(r => r.Kind));
        Assert.Equal(_venue.Quote.Ask, record.Final![1].FillPrice);
    }

    [Fact]
    public async Task Reconcile_AfterARestart_AnOrderItFilled_ReportsTheRecordedFillAgainWithoutExecuting()
    {
        await _broker.Submit(Market("pb-restart", OrderSide.Buy, 1m));
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill");
        var first = _venue.Reports.Single(r => r.Kind == ExecutionKind.Fill);
        await _broker.DisposeAsync();

        // The process died; the market moved; the venue comes back with its book.
        _venue.Quote = _venue.Quote with { Bid = 1.2000m, Ask = 1.2002m };
        _broker = Broker(_book);
        await _broker.Reconcile(Market("pb-restart", OrderSide.Buy, 1m), acknowledged: true);
        await Eventually.True(() => _venue.Reports.Count(r => r.Kind == ExecutionKind.Fill) == 2, "the fill reported again");

        var again = _venue.Reports.Where(r => r.Kind == ExecutionKind.Fill).Last();
        Assert.Equal(first, again);
        Assert.Equal(0, _broker.Executions);
        Assert.Equal(1, _broker.AnsweredFromRecord);
    }

    [Fact]
    public async Task Reconcile_AfterARestart_AnOrderItHeldWorking_RestsAgainFromTheRecord()
    {
        var order = new BrokerOrder("pb-held", "EURUSD", OrderSide.Buy, OrderType.Limit, 1m, 1.0m);
        await _broker.Submit(order);
        await Eventually.True(() => !_venue.Deliveries.IsEmpty, "the acknowledgement");
        await _broker.DisposeAsync();

        _broker = Broker(_book);
        await _broker.Reconcile(order, acknowledged: true);
        await _broker.Cancel("EURUSD", "pb-held");
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Cancelled), "the cancellation");

        Assert.Equal(1, _broker.AnsweredFromRecord);
        Assert.Equal(0, _broker.Executions);
        Assert.Equal([ExecutionKind.Cancelled], (await RecordAsync("pb-held"))!.Final!.Select(r => r.Kind));
    }

    [Fact]
    public async Task Submit_MarketOrderAtZeroLatency_OnRecordWithItsEndInOneWrite_BeforeSubmitReturns()
    {
        await _broker.Submit(Market("pb-at-once", OrderSide.Buy, 1m));
        var record = await RecordAsync("pb-at-once");
        var writes = _book.WritesOf("paper-order", GrainId.Create("paper-order", "EURUSD:pb-at-once"));

        Assert.Equal([ExecutionKind.Accepted, ExecutionKind.Fill], record!.Final!.Select(r => r.Kind));
        Assert.Equal(1, writes);
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill delivered");
        Assert.Equal(1, _broker.Executions);
    }

    [Fact]
    public async Task Submit_MarketOrderWithLatency_OnRecordFirst_ItsEndWrittenWhenItFills()
    {
        await using var slow = new PaperBroker(_venue.Grains, _book, new PaperBrokerOptions { Latency = TimeSpan.FromSeconds(1), Seed = 1, SlippagePips = 0m }, _time, NullLogger<PaperBroker>.Instance);
        var id = GrainId.Create("paper-order", "EURUSD:pb-later");

        await slow.Submit(Market("pb-later", OrderSide.Buy, 1m));
        var arrived = await RecordAsync("pb-later");
        _time.Advance(TimeSpan.FromSeconds(1));
        await Eventually.True(() => _venue.Reports.Any(r => r.Kind == ExecutionKind.Fill), "the fill after the latency");

        Assert.Null(arrived!.Final);
        Assert.Equal([ExecutionKind.Accepted, ExecutionKind.Fill], (await RecordAsync("pb-later"))!.Final!.Select(r => r.Kind));
        Assert.Equal(2, _book.WritesOf("paper-order", id));
    }

    [Fact]
    public async Task Submit_BookUnwritable_SubmitFailsAndNothingExecutes()
    {
        await using var broker = Broker(new UnwritableStorage());

        await Assert.ThrowsAsync<IOException>(() => broker.Submit(Market("pb-nobook", OrderSide.Buy, 1m)));
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(0, broker.Executions);
        Assert.Empty(_venue.Reports);
    }

    private PaperBroker Broker(IGrainStorage book) =>
        new(_venue.Grains, book, new PaperBrokerOptions { Latency = TimeSpan.Zero, Seed = 1, SlippagePips = 0m }, _time, NullLogger<PaperBroker>.Instance);

    private async Task<PaperOrderRecord?> RecordAsync(string id)
    {
        var state = new GrainState<PaperOrderRecord>();
        await _book.ReadStateAsync("paper-order", GrainId.Create("paper-order", $"EURUSD:{id}"), state);
        return state.RecordExists ? state.State : null;
    }

    private sealed class UnwritableStorage : IGrainStorage
    {
        public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;

        public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.FromException(new IOException("disk full"));

        public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) => Task.CompletedTask;
    }

    private static BrokerOrder Market(string id, OrderSide side, decimal quantity) =>
        new(id, "EURUSD", side, OrderType.Market, quantity, null);
}
