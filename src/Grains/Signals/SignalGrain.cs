using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Runs the momentum model for one symbol on a timer and moves the position toward what it asks
/// for, through <see cref="IOrderGrain"/> like any manual order, so every pre-trade check applies.
/// The size is the risk grain's Kelly recommendation at the current equity, never beyond the
/// position limit or ARIA_AUTOTRADE_LOTS.
/// </summary>
[GrainType("signal")]
public sealed partial class SignalGrain(
    IOptions<AutoTraderOptions> options,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<SignalGrain> logger) : Grain, ISignalGrain
{
    private readonly AutoTraderOptions _options = options.Value;
    private readonly ILogger<SignalGrain> _logger = logger;
    private IGrainTimer? _timer;
    private SignalView? _latest;
    private int _sequence;

    private string Symbol => this.GetPrimaryKeyString();

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
        var bars = await GrainFactory.GetGrain<IMarketDataGrain>(Symbol).GetBars(MomentumModel.BarsNeeded);
        var score = MomentumModel.Score(bars);
        var trader = GrainFactory.GetGrain<ITraderGrain>(Symbol);
        var status = await trader.GetStatus();
        var sizing = bars.Count == 0
            ? null
            : await GrainFactory.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).GetSizing(Symbol, bars[^1].Close);
        var lots = Math.Min(Math.Min(_options.Lots, status.PositionLimit), sizing?.Lots ?? 0m);
        var target = MomentumModel.TargetPosition(score, lots);
        var (orderId, action) = await Act(status, target);
        _latest = new(Symbol, score, target, status.Position, orderId, action, time.GetUtcNow());
        LogSignal(Symbol, score, target, status.Position, action);
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
        var result = await GrainFactory.GetGrain<IOrderGrain>(id)
            .Submit(new OrderRequest(id, Symbol, side, Math.Abs(delta), OrderType.Market, Source: "auto"));
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
