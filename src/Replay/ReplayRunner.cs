using System.Diagnostics;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Replay;

/// <summary>
/// Replays CSV files of bars, one per pair, through the real pipeline in an in-process silo: market data grain,
/// signal models, fusion, the trader with every pre-trade check, the paper broker and the risk
/// grain. The trading clock follows the bars, not the wall clock, so the same file, range and seed
/// always give the same result; the bars run as fast as the machine allows.
/// </summary>
public static class ReplayRunner
{
    /// <summary>Longest wall-clock wait for the paper broker's final report on one order before the replay gives up.</summary>
    public static readonly TimeSpan SettlementTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Validates <paramref name="options"/> (throwing <see cref="ReplayException"/> before anything
    /// starts), replays every bar of the range and returns what happened. Writes no file.
    /// </summary>
    public static async Task<ReplayResult> RunAsync(ReplayOptions options, IProgress<ReplayProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var input = ReplayInput.Load(options);
        var clock = new ReplayClock(input.Start);
        var settlement = new SettlementTracker();
        await using var app = ReplayHost.Build(input, options, clock, settlement);
        await app.StartAsync(cancellationToken);
        try
        {
            var session = new ReplaySession(app.Services.GetRequiredService<IGrainFactory>(), input, clock, settlement);
            return await session.RunAsync(progress, cancellationToken);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>
    /// One replay's walk over the bars. The pairs' bars are merged on time: a step is one time, at
    /// which every pair with a bar then takes it, then each of those pairs' signals runs, in the
    /// order the files were given, its order settling before the next; then the portfolio is
    /// sampled once. A pair without a bar at a step keeps its last one, as a quiet market would.
    /// </summary>
    private sealed class ReplaySession(IGrainFactory grains, ReplayInput input, ReplayClock clock, SettlementTracker settlement)
    {
        private readonly Pair[] _pairs = [.. input.Series.Select(s => new Pair(s, grains))];
        private readonly IRiskGrain _risk = grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        private readonly List<ReplaySample> _samples = [];
        private readonly List<OrderView> _orders = [];
        private readonly ModelScorer _scorer = new();
        private decimal _peak;
        private int _done;

        public async Task<ReplayResult> RunAsync(IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
        {
            // Activating a market data grain takes its file's first bar; the bars before the range
            // follow in one go, as history the models warm up on.
            var started = Stopwatch.GetTimestamp();
            foreach (var pair in _pairs)
            {
                await pair.Market.GetSnapshot();
            }

            var warming = _pairs.Where(p => p.Series.FirstIndex > 1).ToList();
            if (warming.Count > 0)
            {
                clock.SetUtcNow(warming.Max(p => p.Series.Bars[p.Series.FirstIndex - 1].Time));
                foreach (var pair in warming)
                {
                    await pair.Advance(pair.Series.FirstIndex - 1);
                }
            }

            progress?.Report(new(0, input.Count));
            for (var time = NextTime(); time is { } now; time = NextTime())
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ReplayStep(now, cancellationToken);
                progress?.Report(new(_done, input.Count));
            }

            var risk = await _risk.GetMetrics();
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new ReplayResult(
                input.Symbols, [.. input.Series.Select(s => Path.GetFileName(s.CsvPath))], input.Seed,
                input.Series.Sum(s => s.FirstIndex), input.Count, input.Series.Sum(s => s.SkippedRows),
                _samples, _orders, _scorer.Results(), risk, elapsed);
        }

        // The earliest bar any pair has left in the range; null when every pair is done.
        private DateTimeOffset? NextTime()
        {
            DateTimeOffset? next = null;
            foreach (var pair in _pairs)
            {
                if (pair.Next is { } time && (next is null || time < next))
                {
                    next = time;
                }
            }

            return next;
        }

        private async Task ReplayStep(DateTimeOffset time, CancellationToken cancellationToken)
        {
            clock.SetUtcNow(time);
            var moving = _pairs.Where(p => p.Next == time).ToList();
            foreach (var pair in moving)
            {
                await pair.Take();
            }

            foreach (var pair in moving)
            {
                var signal = await pair.Signal.RunOnce();
                pair.ProbabilityUp = signal.ProbabilityUp;
                _scorer.Observe(pair.Series.Symbol, pair.Close, signal.Contributions);
                if (signal.ClientOrderId is { } id)
                {
                    _orders.Add(await pair.Settle(id, settlement, cancellationToken));
                }
            }

            _done += moving.Count;
            var closesDay = NextTime() is not { } next || DateOnly.FromDateTime(next.UtcDateTime) != DateOnly.FromDateTime(time.UtcDateTime);
            var risk = closesDay ? await _risk.CloseDay() : await _risk.GetMetrics();
            _peak = Math.Max(_peak, risk.Equity);
            var drawdown = _peak > 0m ? (double)((_peak - risk.Equity) / _peak) : 0.0;

            // The trader reports its position to the risk grain with every fill, before the fill settles.
            var legs = new ReplayLeg[_pairs.Length];
            for (var i = 0; i < _pairs.Length; i++)
            {
                var pair = _pairs[i];
                var position = risk.Exposures.FirstOrDefault(e => e.Symbol == pair.Series.Symbol)?.Quantity ?? 0m;
                legs[i] = new(pair.Close, position, pair.ProbabilityUp);
            }

            _samples.Add(new(time, legs, risk.Equity, drawdown));
        }
    }

    /// <summary>One pair of a replay: its bars, where it stands in them, and its grains.</summary>
    private sealed class Pair(ReplaySeries series, IGrainFactory grains)
    {
        private int _index = series.FirstIndex;

        public ReplaySeries Series { get; } = series;

        public IMarketDataGrain Market { get; } = grains.GetGrain<IMarketDataGrain>(series.Symbol);

        public ISignalGrain Signal { get; } = grains.GetGrain<ISignalGrain>(series.Symbol);

        private ITraderGrain Trader { get; } = grains.GetGrain<ITraderGrain>(series.Symbol);

        /// <summary>The time of the pair's next bar in the range; null once its range is done.</summary>
        public DateTimeOffset? Next => _index <= Series.LastIndex ? Series.Bars[_index].Time : null;

        /// <summary>The close of the last bar the pair took.</summary>
        public decimal Close => Series.Bars[Math.Max(_index - 1, 0)].Close;

        /// <summary>The pair's latest fused probability of an up move (one half before its first signal).</summary>
        public double ProbabilityUp { get; set; } = 0.5;

        /// <summary>Hands the market data grain the pair's next bar (the first bar of the file it took on activation).</summary>
        public async Task Take()
        {
            if (_index > 0)
            {
                await Advance(1);
            }

            _index++;
        }

        // In steps the grain takes in one call: a long warm-up (a year of minute bars) is several.
        public async Task Advance(int bars)
        {
            for (var left = bars; left > 0;)
            {
                var step = Math.Min(left, MarketDataGrain.MaxAdvanceBars);
                var pulled = await Market.Advance(step);
                if (pulled != step)
                {
                    throw new ReplayException($"The market data grain delivered {bars - left + pulled} of {bars} bars of {Series.Symbol}; the feed and the file disagree.");
                }

                left -= step;
            }
        }

        // The auto-trader's order is final before the clock moves: denied at once, or settled by the
        // paper broker's last report.
        public async Task<OrderView> Settle(string clientOrderId, SettlementTracker settlement, CancellationToken cancellationToken)
        {
            var order = await Trader.GetOrder(clientOrderId)
                ?? throw new ReplayException($"The trader of {Series.Symbol} does not know the auto-trader's order {clientOrderId}.");
            if (order.Status.IsWorking())
            {
                try
                {
                    await settlement.WaitAsync(clientOrderId, SettlementTimeout, cancellationToken);
                }
                catch (TimeoutException exception)
                {
                    throw new ReplayException($"Order {clientOrderId} got no final report from the paper broker within {SettlementTimeout.TotalSeconds:0} s.", exception);
                }

                order = await Trader.GetOrder(clientOrderId)
                    ?? throw new ReplayException($"The trader of {Series.Symbol} lost order {clientOrderId}.");
            }

            return order;
        }
    }
}
