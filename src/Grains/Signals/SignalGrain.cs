using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Runs the signal models for one symbol on a timer whose interval follows market activity, fuses
/// their answers, and moves the position toward what the fused signal asks for through
/// <see cref="IOrderGrain"/> like any manual order, so every pre-trade check applies. The size is the
/// risk grain's Kelly recommendation at the current equity, never beyond the position limit or
/// ARIA_AUTOTRADE_LOTS.
/// </summary>
[GrainType("signal")]
public sealed partial class SignalGrain(
    IOptions<AutoTraderOptions> options,
    IOptions<MarketDataOptions> marketOptions,
    ModelCatalog catalog,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<SignalGrain> logger) : Grain, ISignalGrain
{
    /// <summary>
    /// Fused score (2p - 1) beyond which the auto-trader takes a position: P(up) above 52.5% or
    /// below 47.5%. An average of several models rarely strays far from one half.
    /// </summary>
    public const double EntryThreshold = 0.05;

    /// <summary>Bars handed to the models: enough for every model and to score the previous prediction.</summary>
    private const int BarsForModels = 300;

    private readonly AutoTraderOptions _options = options.Value;
    private readonly ILogger<SignalGrain> _logger = logger;
    private IGrainTimer? _timer;
    private SignalView? _latest;
    private int _sequence;

    private string Symbol => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        marketOptions.Value.EnsureTraded(Symbol);
        return base.OnActivateAsync(cancellationToken);
    }

    public Task Start()
    {
        if (_timer is null && _options.Enabled)
        {
            _timer = this.RegisterGrainTimer(RunScheduled, new GrainTimerCreationOptions(_options.FirstAnalysisDelay, _options.AnalysisInterval)
            {
                Interleave = false,
                KeepAlive = true,
            });
            LogStarted(Symbol, _options.AnalysisInterval.TotalSeconds, _options.Lots);
        }

        return Task.CompletedTask;
    }

    public async Task<SignalView> RunOnce()
    {
        var market = GrainFactory.GetGrain<IMarketDataGrain>(Symbol);
        var bars = await market.GetBars(BarsForModels);
        var inferences = await Task.WhenAll(catalog.SignalModels.Select(m => GrainFactory.GetGrain<IModelGrain>(m.Id).Infer(Symbol, bars)));
        var (probability, contributions) = SignalFusion.Fuse(inferences);
        var score = 2.0 * probability - 1.0;
        var interval = AnalysisInterval.Compute(_options.AnalysisInterval, (await market.GetVolatility()).Ratio);
        _timer?.Change(interval, interval);

        var status = await GrainFactory.GetGrain<ITraderGrain>(Symbol).GetStatus();
        var sizing = bars.Count == 0 ? null : await GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).GetSizing(Symbol, bars[^1].Close);
        var lots = Math.Min(Math.Min(_options.Lots, status.PositionLimit), sizing?.Lots ?? 0m);
        var target = score > EntryThreshold ? lots : score < -EntryThreshold ? -lots : 0m;
        var (orderId, action) = _options.Enabled ? await Act(status, target) : (null, "auto-trading off");
        _latest = new(Symbol, score, target, status.Position, orderId, action, time.GetUtcNow(), probability,
            score > EntryThreshold ? "up" : score < -EntryThreshold ? "down" : "flat", contributions, interval.TotalSeconds);
        LogSignal(Symbol, probability, target, status.Position, action, interval.TotalSeconds);
        return _latest;
    }

    public Task<SignalView?> GetLatest() => Task.FromResult(_latest);

    private async Task<(string? OrderId, string Action)> Act(SymbolView status, decimal target)
    {
        if (status.WorkingOrders > 0)
        {
            return (null, "waiting: an order is still working");
        }

        var delta = target - status.Position;
        if (delta == 0m)
        {
            return (null, "hold");
        }

        var id = $"auto-{Symbol}-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{++_sequence}";
        var side = delta > 0m ? OrderSide.Buy : OrderSide.Sell;
        var result = await GrainFactory.GetGrain<IOrderEntryGrain>(0)
            .Submit(new OrderRequest(id, Symbol, side, Math.Abs(delta), OrderType.Market, Source: OrderSources.Auto));
        return (id, result.Order.Status == OrderStatus.Denied
            ? $"denied: {result.Order.Reason}"
            : $"{side} {Math.Abs(delta)} {result.Order.Status}");
    }

    private async Task RunScheduled(CancellationToken cancellationToken)
    {
        try
        {
            await RunOnce();
        }
        catch (Exception exception)
        {
            // A failed analysis must not stop the timer; the next one runs on schedule.
            LogFailed(exception, Symbol);
        }
    }
}
