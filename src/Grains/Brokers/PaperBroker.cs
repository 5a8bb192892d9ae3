using System.Collections.Concurrent;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.Trading;
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

    // Reports for one trader that are ready at the same time go in one call, so its fills share a write.
    private const int MaxReportGroupsPerCall = 100;
    private readonly CallCoalescer<string, ExecutionReport[], bool> _reports;

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
        _reports = new(DeliverAsync, MaxReportGroupsPerCall);
        _matcher = time.CreateTimer(_ => _ = MatchRestingOrdersAsync(), null, options.LimitOrderPollInterval, options.LimitOrderPollInterval);
        LogReady(options.Latency.TotalMilliseconds, options.RejectRate, options.SlippagePips);
    }

    /// <summary>Orders this instance executed (filled or rejected on its own decision).</summary>
    internal long Executions => Interlocked.Read(ref _executions);

    /// <summary>Orders this instance answered from a record an earlier instance wrote.</summary>
    internal long AnsweredFromRecord => Interlocked.Read(ref _answeredFromRecord);

    /// <summary>True while the venue holds the order: from its submission until its final report has been delivered.</summary>
    internal bool Holds(string symbol, string clientOrderId) => _live.ContainsKey((symbol, clientOrderId));

    /// <inheritdoc />
    /// <remarks>Returns once the order is on record; a storage fault fails the submit, so the trader refuses the order.</remarks>
    public async Task Submit(BrokerOrder order)
    {
        var key = (order.Symbol, order.ClientOrderId);
        if (_finished.ContainsKey(key) || !_live.TryAdd(key, order))
        {
            return;
        }

        // An order finishes by entering the finished set and then leaving the live one: if it
        // finished between the two checks above, it is in the finished set by now, and must not
        // trade a second time.
        if (_finished.ContainsKey(key))
        {
            _live.TryRemove(new KeyValuePair<(string, string), BrokerOrder>(key, order));
            return;
        }

        // With no latency a market order is decided before Submit returns, so its record is
        // written once, with its end, instead of once on arrival and once more when it ends.
        ExecutionReport[]? final = null;
        try
        {
            if (_options.Latency <= TimeSpan.Zero && order.Type == OrderType.Market)
            {
                final = await ExecuteAtOnceAsync(order);
            }

            await RecordAsync(key, new PaperOrderRecord(order, final));
        }
        catch
        {
            _live.TryRemove(key, out _);
            _records.TryRemove(key, out _);
            throw;
        }

        if (final is not null)
        {
            Executed(order, final[^1]);
            _ = ReportAsync(order.Symbol, final, recordFinal: false);
            return;
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
}
