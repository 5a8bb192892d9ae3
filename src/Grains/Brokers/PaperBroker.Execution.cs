using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Brokers;

/// <summary>The venue at work: latency, rejections, fills at market, limit orders matched against the feed, and reports delivered at least once.</summary>
public sealed partial class PaperBroker
{
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

            if (InjectedRejection(order) is { } rejected)
            {
                Executed(order, rejected);
                await ReportAsync(order.Symbol, [rejected]);
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

    // A market order at zero latency, decided at once: the reports that end it, for Submit to put on
    // record with the order before they go out (and only then counted: see Executed).
    private async Task<ExecutionReport[]> ExecuteAtOnceAsync(BrokerOrder order) =>
        InjectedRejection(order) is { } rejected
            ? [rejected]
            : await AtMarketAsync(order, new(order.ClientOrderId, ExecutionKind.Accepted, 0m, 0m, null, _time.GetUtcNow()));

    // ARIA_PAPER_REJECT_RATE: one draw an order, from the seeded sequence.
    private const string InjectedReason = "paper broker: injected rejection (ARIA_PAPER_REJECT_RATE)";

    private ExecutionReport? InjectedRejection(BrokerOrder order) =>
        NextUniform() < _options.RejectRate ? new(order.ClientOrderId, ExecutionKind.Rejected, 0m, 0m, InjectedReason, _time.GetUtcNow()) : null;

    // The venue's own decisions (a fill, an injected rejection; not an error) are counted and logged
    // once they are final.
    private void Executed(BrokerOrder order, ExecutionReport report)
    {
        if (report.Kind == ExecutionKind.Fill)
        {
            Interlocked.Increment(ref _executions);
            LogFilled(order.Symbol, order.ClientOrderId, order.Side.ToString(), report.FillQuantity, report.FillPrice);
        }
        else if (report is { Kind: ExecutionKind.Rejected, Reason: InjectedReason })
        {
            Interlocked.Increment(ref _executions);
            LogRejected(order.Symbol, order.ClientOrderId, InjectedReason);
        }
    }

    // The acknowledgement, when given, goes out with the fill (or not at all if the order fails).
    private async Task FillAtMarketAsync(BrokerOrder order, ExecutionReport? acknowledgement = null)
    {
        var reports = await AtMarketAsync(order, acknowledgement);
        Executed(order, reports[^1]);
        await ReportAsync(order.Symbol, reports);
    }

    // A market order's end at the feed's quote: the fill (after the acknowledgement, when given), or
    // a rejection when the quote cannot be had. Not yet counted: the caller counts it (Executed).
    private async Task<ExecutionReport[]> AtMarketAsync(BrokerOrder order, ExecutionReport? acknowledgement)
    {
        try
        {
            var quote = await Market(order.Symbol).GetQuote();
            var fill = FillReport(order, MarketPrice(order, quote));
            return acknowledgement is null ? [fill] : [acknowledgement, fill];
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception, order.Symbol, order.ClientOrderId);
            return [new(order.ClientOrderId, ExecutionKind.Rejected, 0m, 0m, $"paper broker error: {exception.Message}", _time.GetUtcNow())];
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
        var fill = FillReport(order, price);
        Executed(order, fill);
        return fill;
    }

    private ExecutionReport FillReport(BrokerOrder order, decimal price) =>
        new(order.ClientOrderId, ExecutionKind.Fill, order.Quantity, price, null, _time.GetUtcNow(), $"{order.ClientOrderId}:fill");

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
                await _reports.Send(symbol, reports);
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

    private async Task<IReadOnlyList<bool>> DeliverAsync(string symbol, IReadOnlyList<ExecutionReport[]> groups)
    {
        await Trader(symbol).OnExecutionReports(groups.Count == 1 ? groups[0] : [.. groups.SelectMany(g => g)]);
        return new bool[groups.Count];
    }

    // One reference per symbol and grain: Orleans resolves a reference by reflection, and reports
    // and fills are frequent.
    private ITraderGrain Trader(string symbol) => _traders.GetOrAdd(symbol, static (s, grains) => grains.GetGrain<ITraderGrain>(s), _grains);

    private IMarketDataGrain Market(string symbol) => _markets.GetOrAdd(symbol, static (s, grains) => grains.GetGrain<IMarketDataGrain>(s), _grains);

    // Into the finished set before out of the live one: Submit relies on that order to never
    // trade an id twice.
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
