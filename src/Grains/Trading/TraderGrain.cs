using AriaPro.Core.Trading;
using AriaPro.Grains.Brokers;
using AriaPro.Grains.Events;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Monitoring;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Trading;

/// <summary>
/// The adapter of one symbol's <see cref="OrderBook"/>: loads it, asks market data and the risk
/// budget what the book needs, persists what each command changed before anything is
/// acknowledged or sent, then publishes, archives and talks to the broker. An order is on record
/// as Submitted before the broker sees it, so a crash can never leave a live order unknown.
/// </summary>
[GrainType("trader")]
public sealed partial class TraderGrain(
    [PersistentState("trader", AriaStorage.Name)] IPersistentState<OrderBookState> store,
    IOptions<TraderOptions> traderOptions,
    IOptions<MarketDataOptions> marketOptions,
    IBroker broker,
    AriaMetrics metrics,
    OrderEventPublisher orderEvents,
    OrderRecords orderRecords,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<TraderGrain> logger) : Grain, ITraderGrain
{
    private static readonly TimeSpan SweepPeriod = TimeSpan.FromSeconds(0.5);
    private readonly ILogger<TraderGrain> _logger = logger;
    private OrderBook _book = null!;
    private BreakerEvents _breakerEvents = null!;
    private IMarketDataGrain _market = null!;
    private IRiskGrain _risk = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var symbol = this.GetPrimaryKeyString();
        marketOptions.Value.EnsureTraded(symbol);
        _book = new(symbol, store.State, traderOptions.Value, _logger);
        _market = GrainFactory.GetGrain<IMarketDataGrain>(symbol);
        _risk = GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        _breakerEvents = new(this, "trader", symbol, metrics, time, _logger);
        _breakerEvents.Hosted(store.State.Breaker.State);
        this.RegisterGrainTimer(_ => Upkeep(), new GrainTimerCreationOptions(SweepPeriod, SweepPeriod) { Interleave = false });
        await ReconcileWorkingOrders();
        if (store.State.LastPrice > 0m)
        {
            await ReportPosition();
        }
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        _breakerEvents.Left();
        return Task.CompletedTask;
    }

    public async Task<SubmitResult> Submit(OrderRequest request) => (await SubmitMany([request]))[0];

    public async Task<IReadOnlyList<SubmitResult>> SubmitMany(IReadOnlyList<OrderRequest> requests)
    {
        var orders = new (OrderRecord Order, bool Duplicate)[requests.Count];
        var parts = new List<OrderBookEvents>(requests.Count);
        MarketSnapshot? market = null;
        var marketRead = false;
        for (var i = 0; i < requests.Count; i++)
        {
            if (_book.Find(requests[i].ClientOrderId) is { } existing)
            {
                orders[i] = (existing, true);
                continue;
            }

            if (!marketRead)
            {
                (market, marketRead) = (await Market(), true);
            }

            var (denial, question) = _book.Check(requests[i], market?.Quote);
            if (question is not null)
            {
                denial = await RiskBudget(question);
            }

            var (order, events) = _book.Submit(requests[i], denial, Timeout(market), time.GetUtcNow());
            orders[i] = (order, false);
            parts.Add(events);
        }

        // One write for every order of the call, before any is acknowledged or reaches the broker.
        await Commit(parts.Count == 1 ? parts[0] : OrderBookEvents.Combine(parts));
        foreach (var sent in parts.Select(p => p.ToBroker).OfType<OrderRecord>())
        {
            try
            {
                await broker.Submit(sent.ToBrokerOrder());
            }
            catch (Exception exception)
            {
                LogBrokerError(exception, sent.ClientOrderId, _book.Symbol);
                await Commit(_book.BrokerFailed(sent, exception.Message, time.GetUtcNow()));
            }
        }

        return [.. orders.Select(o => new SubmitResult(o.Order.ToView(), o.Duplicate))];
    }

    public Task<OrderView?> GetOrder(string clientOrderId) => Task.FromResult(_book.Find(clientOrderId)?.ToView());

    public async Task<OrderView?> Cancel(string clientOrderId)
    {
        var (order, events) = _book.Cancel(clientOrderId, time.GetUtcNow());
        await Commit(events);
        return order?.ToView();
    }

    public Task OnExecutionReports(IReadOnlyList<ExecutionReport> reports) => Commit(_book.Apply(reports, time.GetUtcNow()));

    public async Task<int> ExpireOverdueOrders()
    {
        var events = _book.ExpireOverdue(time.GetUtcNow());
        await Commit(events);
        return events.Finished.Count;
    }

    public async Task<SymbolView> GetStatus() => _book.View(Timeout(await Market()), time.GetUtcNow());

    public async Task<PositionView> GetPosition()
    {
        var position = store.State.Position;
        decimal? mark = null;
        if (position.Quantity != 0m)
        {
            var quote = await _market.GetQuote();
            mark = position.Quantity > 0m ? quote.Bid : quote.Ask;
        }

        return new(_book.Symbol, position.Quantity, position.AveragePrice, position.RealizedPnl,
            mark is { } m ? position.Unrealized(m, TraderDefaults.ContractSize) : 0m,
            mark, SymbolCatalog.Get(_book.Symbol).QuoteCurrency, _book.Working.Count());
    }

    public Task<IReadOnlyList<OrderView>> GetWorkingOrders() =>
        Task.FromResult<IReadOnlyList<OrderView>>(_book.Working.Select(o => o.ToView()).ToList());

    public Task<SymbolView> ResetCircuitBreaker() => CommitAndShow(_book.ResetBreaker());

    public Task<SymbolView> HaltCircuitBreaker(string reason) => CommitAndShow(_book.HaltBreaker(reason));

    public Task<SymbolView> ResumeCircuitBreaker() => CommitAndShow(_book.ResumeBreaker());

    public Task<SymbolView> SetTradingState(TradingState state, string reason) => CommitAndShow(_book.SetTradingState(state, reason));

    public Task ApplyKillSwitch(string? reason) => Commit(_book.ApplyKillSwitch(reason));

    private async Task<SymbolView> CommitAndShow(OrderBookEvents events)
    {
        await Commit(events);
        return await GetStatus();
    }

    // What a command changed is written first (a failed write restarts the activation from storage,
    // and the caller sees the failure: nothing was acknowledged); only then is any of it published,
    // archived or sent to the broker.
    private async Task Commit(OrderBookEvents events)
    {
        if (!events.NeedsWrite)
        {
            return;
        }

        await store.WriteOrRestartAsync(this);
        foreach (var change in events.Changes)
        {
            metrics.OrderChanged(change.Order, change.From, change.DenyCategory);
            orderEvents.Publish(change.Order);
        }

        foreach (var transition in events.Transitions)
        {
            _breakerEvents.Add(transition);
        }

        await _breakerEvents.PublishAsync();
        await Archive(events.Finished);

        foreach (var order in events.Cancels)
        {
            await CancelAtBroker(order);
        }

        if (events.PositionChanged)
        {
            await ReportPosition();
        }
    }
}
