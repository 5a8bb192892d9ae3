using System.Collections.Concurrent;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace AriaPro.Grains.Brokers;

/// <summary>
/// A simulated venue. After the configured latency it rejects a configured share of orders,
/// fills market orders at the feed's bid or ask plus slippage, and works limit orders until the
/// market crosses them. Reports go to the owning trader grain and are retried until it has
/// them. It keeps its book as a venue does, in the orders' store (<see cref="PaperOrderRecord"/>,
/// one record an order, gone with the orders' retention): an order is on record before
/// <see cref="Submit"/> returns, and its end before the reports that say so go out. A trader that
/// comes back (after a restart, or on another silo) hands its working orders over again
/// (<see cref="Reconcile"/>), and the venue answers from its record: the recorded end again, or the
/// order taken up where it was; only an order it never recorded is taken up as new.
/// </summary>
public sealed partial class PaperBroker : IBroker, IAsyncDisposable
{
    private readonly IGrainFactory _grains;
    private readonly PaperBrokerOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PaperBroker> _logger;
    private static readonly TimeSpan[] RedeliveryBackoff =
        [TimeSpan.FromSeconds(0.1), TimeSpan.FromSeconds(0.25), TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

    private static readonly TimeSpan RedeliveryLimit = TimeSpan.FromMinutes(15);

    // Every order the venue holds, from submission until its final report has been delivered.
    private readonly ConcurrentDictionary<(string Symbol, string Id), BrokerOrder> _live = new();
    private readonly ConcurrentDictionary<(string Symbol, string Id), BrokerOrder> _pending = new();

    // The final report of recently finished orders, as a venue keeps them: an id is never traded
    // twice, and a trader that still thinks the order works is told again how it ended.
    private readonly ConcurrentDictionary<(string Symbol, string Id), ExecutionReport> _finished = new();
    private readonly ConcurrentQueue<(string Symbol, string Id)> _finishedOrder = new();
    private const int FinishedOrdersKept = 50_000;
    private readonly ConcurrentDictionary<(string Symbol, string Id), BrokerOrder> _resting = new();
    private readonly ConcurrentDictionary<string, ITraderGrain> _traders = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, IMarketDataGrain> _markets = new(StringComparer.Ordinal);

    private long _executions;
    private long _answeredFromRecord;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ITimer _matcher;
    private readonly int _seed;
    private int _sequence;
    private int _matching;
    private int _disposed;

    public PaperBroker(
        IGrainFactory grains,
        [FromKeyedServices(AriaStorage.Orders)] IGrainStorage book,
        PaperBrokerOptions options,
        [FromKeyedServices(AriaClock.Key)] TimeProvider time,
        ILogger<PaperBroker> logger)
    {
        _grains = grains;
        _book = book;
        _options = options;
        _time = time;
        _logger = logger;
        _seed = options.Seed ?? Random.Shared.Next();
        _matcher = time.CreateTimer(_ => _ = MatchRestingOrdersAsync(), null, options.LimitOrderPollInterval, options.LimitOrderPollInterval);
        LogReady(options.Latency.TotalMilliseconds, options.RejectRate, options.SlippagePips);
    }

    /// <summary>Orders this instance executed (filled or rejected on its own decision).</summary>
    internal long Executions => Interlocked.Read(ref _executions);

    /// <summary>Orders this instance answered from a record an earlier instance wrote.</summary>
    internal long AnsweredFromRecord => Interlocked.Read(ref _answeredFromRecord);

    /// <inheritdoc />
    /// <remarks>Returns once the order is on record; a storage fault fails the submit, so the trader refuses the order.</remarks>
    public async Task Submit(BrokerOrder order)
    {
        var key = (order.Symbol, order.ClientOrderId);
        if (_finished.ContainsKey(key) || !_live.TryAdd(key, order))
        {
            return;
        }

        try
        {
            await RecordAsync(key, new PaperOrderRecord(order, null));
        }
        catch
        {
            _live.TryRemove(key, out _);
            _records.TryRemove(key, out _);
            throw;
        }

        _pending[key] = order;
        _ = ExecuteAsync(order);
    }

    /// <inheritdoc />
    public async Task Reconcile(BrokerOrder order, bool acknowledged)
    {
        var key = (order.Symbol, order.ClientOrderId);
        if (_finished.TryGetValue(key, out var final))
        {
            _ = ReportAsync(order.Symbol, [final], recordFinal: false);
            return;
        }

        if (_live.ContainsKey(key))
        {
            return;
        }

        var stored = await ReadAsync(key);
        if (stored?.Final is { } reports)
        {
            // Ended before the restart: its end goes out again, exactly as it was.
            Interlocked.Increment(ref _answeredFromRecord);
            LogAnsweredFromRecord(order.Symbol, order.ClientOrderId, reports[^1].Kind.ToString());
            _live.TryAdd(key, order);
            _ = ReportAsync(order.Symbol, reports, recordFinal: false);
            return;
        }

        if (stored is null && !acknowledged)
        {
            await Submit(order);
            return;
        }

        if (!_live.TryAdd(key, order))
        {
            return;
        }

        if (stored is null)
        {
            // Acknowledged by a venue that kept no record of it (an older build's, or a lost one).
            await RecordAsync(key, new PaperOrderRecord(order, null));
        }
        else
        {
            Interlocked.Increment(ref _answeredFromRecord);
        }

        LogTakenUp(order.Symbol, order.ClientOrderId, order.Type.ToString(), order.Quantity, stored is null ? "had no record of it" : "still held it on record");
        if (order.Type == OrderType.Limit)
        {
            _resting[key] = order;
        }
        else
        {
            _ = FillAtMarketAsync(order);
        }
    }

    /// <inheritdoc />
    public Task Cancel(string symbol, string clientOrderId)
    {
        var key = (symbol, clientOrderId);
        var removed = _pending.TryRemove(key, out _) | _resting.TryRemove(key, out _);
        if (removed)
        {
            _ = ReportAsync(symbol, [new(clientOrderId, ExecutionKind.Cancelled, 0m, 0m, "cancelled at the broker", _time.GetUtcNow())]);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        // The container may dispose the instance once per registration (it is also the IBroker).
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stopping.CancelAsync();
        await _matcher.DisposeAsync();
        _stopping.Dispose();
    }

    private async Task ExecuteAsync(BrokerOrder order)
    {
        var key = (order.Symbol, order.ClientOrderId);
        try
        {
            if (_options.Latency > TimeSpan.Zero)
            {
                await Task.Delay(_options.Latency, _time, _stopping.Token);
            }

            if (!_pending.TryRemove(key, out _))
            {
                return;
            }

            if (NextUniform() < _options.RejectRate)
            {
                Interlocked.Increment(ref _executions);
                const string reason = "paper broker: injected rejection (ARIA_PAPER_REJECT_RATE)";
                LogRejected(order.Symbol, order.ClientOrderId, reason);
                await ReportAsync(order.Symbol, [new(order.ClientOrderId, ExecutionKind.Rejected, 0m, 0m, reason, _time.GetUtcNow())]);
                return;
            }

            var accepted = new ExecutionReport(order.ClientOrderId, ExecutionKind.Accepted, 0m, 0m, null, _time.GetUtcNow());
            if (order.Type == OrderType.Market)
            {
                // Acknowledged and filled at once, so both reports travel (and are stored) together.
                await FillAtMarketAsync(order, accepted);
                return;
            }

            // Resting before the acknowledgement goes out: once the trader sees Accepted, the order
            // is already being matched. A fill may overtake the acknowledgement; the trader accepts
            // reports in either order.
            _resting[key] = order;
            await ReportAsync(order.Symbol, [accepted]);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The silo is stopping; the order's timeout settles it on the trader.
        }
        catch (Exception exception)
        {
            LogFailed(exception, order.Symbol, order.ClientOrderId);
            await ReportAsync(order.Symbol, [new(order.ClientOrderId, ExecutionKind.Rejected, 0m, 0m, $"paper broker error: {exception.Message}", _time.GetUtcNow())]);
        }
    }

    // The acknowledgement, when given, goes out with the fill (or not at all if the order fails).
    private async Task FillAtMarketAsync(BrokerOrder order, ExecutionReport? acknowledgement = null)
    {
        try
        {
            var quote = await Market(order.Symbol).GetQuote();
            var fill = Fill(order, MarketPrice(order, quote));
            await ReportAsync(order.Symbol, acknowledgement is null ? [fill] : [acknowledgement, fill]);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, order.Symbol, order.ClientOrderId);
            await ReportAsync(order.Symbol, [new(order.ClientOrderId, ExecutionKind.Rejected, 0m, 0m, $"paper broker error: {exception.Message}", _time.GetUtcNow())]);
        }
    }

    private decimal MarketPrice(BrokerOrder order, Quote quote)
    {
        var slippage = _options.SlippagePips * SymbolCatalog.Get(order.Symbol).PipSize;
        return order.Side == OrderSide.Buy ? quote.Ask + slippage : quote.Bid - slippage;
    }

    private async Task MatchRestingOrdersAsync()
    {
        if (_resting.IsEmpty || Interlocked.Exchange(ref _matching, 1) == 1)
        {
            return;
        }

        try
        {
            foreach (var symbol in _resting.Keys.Select(k => k.Symbol).Distinct().ToList())
            {
                var quote = await Market(symbol).GetQuote();
                foreach (var (key, order) in _resting.Where(p => p.Key.Symbol == symbol).ToList())
                {
                    if (Crossed(order, quote) is { } price && _resting.TryRemove(key, out _))
                    {
                        await ReportAsync(order.Symbol, [Fill(order, price)]);
                    }
                }
            }
        }
        catch (Exception exception)
        {
            LogMatchingFailed(exception);
        }
        finally
        {
            Volatile.Write(ref _matching, 0);
        }
    }

    private static decimal? Crossed(BrokerOrder order, Quote quote) => order.Side switch
    {
        OrderSide.Buy when quote.Ask <= order.LimitPrice => quote.Ask,
        OrderSide.Sell when quote.Bid >= order.LimitPrice => quote.Bid,
        _ => null,
    };

    private ExecutionReport Fill(BrokerOrder order, decimal price)
    {
        Interlocked.Increment(ref _executions);
        LogFilled(order.Symbol, order.ClientOrderId, order.Side.ToString(), order.Quantity, price);
        return new(order.ClientOrderId, ExecutionKind.Fill, order.Quantity, price, null, _time.GetUtcNow(), $"{order.ClientOrderId}:fill");
    }

    // At least once: reports the trader could not take (its silo died, storage is down) are sent
    // again with backoff. The trader applies a repeated report once. The venue forgets an order
    // only after its final report has been delivered.
    private async Task ReportAsync(string symbol, ExecutionReport[] reports, bool recordFinal = true)
    {
        var last = reports[^1];
        if (recordFinal && last.Kind is not ExecutionKind.Accepted)
        {
            await RecordFinalAsync((symbol, last.ClientOrderId), reports);
        }

        var started = _time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await Trader(symbol).OnExecutionReports(reports);
                foreach (var report in reports.Where(r => r.Kind is not ExecutionKind.Accepted))
                {
                    Finish((symbol, report.ClientOrderId), report);
                }

                return;
            }
            catch (Exception exception)
            {
                if (_stopping.IsCancellationRequested || _time.GetUtcNow() - started > RedeliveryLimit)
                {
                    LogUndelivered(exception, last.Kind.ToString(), symbol, last.ClientOrderId);
                    return;
                }

                var delay = RedeliveryBackoff[Math.Min(attempt, RedeliveryBackoff.Length - 1)];
                LogRedelivering(last.Kind.ToString(), symbol, last.ClientOrderId, attempt + 1, delay.TotalSeconds, exception.Message);
                try
                {
                    await Task.Delay(delay, _time, _stopping.Token);
                }
                catch (OperationCanceledException)
                {
                    LogUndelivered(exception, last.Kind.ToString(), symbol, last.ClientOrderId);
                    return;
                }
            }
        }
    }

    // One reference per symbol and grain: Orleans resolves a reference by reflection, and reports
    // and fills are frequent.
    private ITraderGrain Trader(string symbol) => _traders.GetOrAdd(symbol, static (s, grains) => grains.GetGrain<ITraderGrain>(s), _grains);

    private IMarketDataGrain Market(string symbol) => _markets.GetOrAdd(symbol, static (s, grains) => grains.GetGrain<IMarketDataGrain>(s), _grains);

    private void Finish((string Symbol, string Id) key, ExecutionReport report)
    {
        if (_finished.TryAdd(key, report))
        {
            _finishedOrder.Enqueue(key);
            while (_finishedOrder.Count > FinishedOrdersKept && _finishedOrder.TryDequeue(out var oldest))
            {
                _finished.TryRemove(oldest, out _);
            }
        }

        _live.TryRemove(key, out _);
        _records.TryRemove(key, out _);
    }

    // A fresh generator per draw, derived from the seed and a sequence number: reproducible for a
    // seed and safe to call from many grains at once without a lock.
    private double NextUniform() => new Random(unchecked((_seed * 7919) + Interlocked.Increment(ref _sequence))).NextDouble();
}
