using System.Diagnostics;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.DependencyInjection;

namespace AriaPro.Replay;

/// <summary>
/// Replays a CSV file of bars through the real pipeline in an in-process silo: market data grain,
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
        var clock = new ReplayClock(input.Bars[0].Time);
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

    /// <summary>One replay's walk over the bars.</summary>
    private sealed class ReplaySession(IGrainFactory grains, ReplayInput input, ReplayClock clock, SettlementTracker settlement)
    {
        private readonly IMarketDataGrain _market = grains.GetGrain<IMarketDataGrain>(input.Symbol);
        private readonly ISignalGrain _signal = grains.GetGrain<ISignalGrain>(input.Symbol);
        private readonly ITraderGrain _trader = grains.GetGrain<ITraderGrain>(input.Symbol);
        private readonly IRiskGrain _risk = grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio);
        private readonly List<ReplaySample> _samples = new(input.Count);
        private readonly List<OrderView> _orders = [];
        private readonly ModelScorer _scorer = new();
        private decimal _peak;

        public async Task<ReplayResult> RunAsync(IProgress<ReplayProgress>? progress, CancellationToken cancellationToken)
        {
            // Activating the market data grain takes the file's first bar; the bars before the range
            // follow in one go, as history the models warm up on.
            var started = Stopwatch.GetTimestamp();
            await _market.GetSnapshot();
            if (input.FirstIndex > 1)
            {
                clock.SetUtcNow(input.Bars[input.FirstIndex - 1].Time);
                await Advance(input.FirstIndex - 1);
            }

            progress?.Report(new(0, input.Count));
            for (var index = input.FirstIndex; index <= input.LastIndex; index++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await ReplayBar(index, cancellationToken);
                progress?.Report(new(index - input.FirstIndex + 1, input.Count));
            }

            var risk = await _risk.GetMetrics();
            var elapsed = Stopwatch.GetElapsedTime(started);
            return new ReplayResult(
                input.Symbol, Path.GetFileName(input.CsvPath), input.Seed, input.FirstIndex, input.SkippedRows,
                _samples, _orders, _scorer.Results(), risk, elapsed);
        }

        private async Task ReplayBar(int index, CancellationToken cancellationToken)
        {
            var bar = input.Bars[index];
            clock.SetUtcNow(bar.Time);
            if (index > 0)
            {
                await Advance(1);
            }

            var signal = await _signal.RunOnce();
            _scorer.Observe(bar.Close, signal.Contributions);
            if (signal.ClientOrderId is { } id)
            {
                _orders.Add(await Settle(id, cancellationToken));
            }

            var closesDay = index == input.LastIndex
                || DateOnly.FromDateTime(input.Bars[index + 1].Time.UtcDateTime) != DateOnly.FromDateTime(bar.Time.UtcDateTime);
            var risk = closesDay ? await _risk.CloseDay() : await _risk.GetMetrics();
            _peak = Math.Max(_peak, risk.Equity);
            var drawdown = _peak > 0m ? (double)((_peak - risk.Equity) / _peak) : 0.0;
            // The trader reports its position to the risk grain with every fill, before the fill settles.
            var position = risk.Exposures.FirstOrDefault(e => e.Symbol == input.Symbol)?.Quantity ?? 0m;
            _samples.Add(new(bar.Time, bar.Close, position, risk.Equity, drawdown, signal.ProbabilityUp));
        }

        // In steps the grain takes in one call: a long warm-up (a year of minute bars) is several.
        private async Task Advance(int bars)
        {
            for (var left = bars; left > 0;)
            {
                var step = Math.Min(left, MarketDataGrain.MaxAdvanceBars);
                var pulled = await _market.Advance(step);
                if (pulled != step)
                {
                    throw new ReplayException($"The market data grain delivered {bars - left + pulled} of {bars} bars of {input.Symbol}; the feed and the file disagree.");
                }

                left -= step;
            }
        }

        // The auto-trader's order is final before the clock moves: denied at once, or settled by the
        // paper broker's last report.
        private async Task<OrderView> Settle(string clientOrderId, CancellationToken cancellationToken)
        {
            var order = await _trader.GetOrder(clientOrderId)
                ?? throw new ReplayException($"The trader of {input.Symbol} does not know the auto-trader's order {clientOrderId}.");
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

                order = await _trader.GetOrder(clientOrderId)
                    ?? throw new ReplayException($"The trader of {input.Symbol} lost order {clientOrderId}.");
            }

            return order;
        }
    }
}
