using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Risk;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals;
using Microsoft.Extensions.Options;

namespace AriaPro.Silo.Hosting;

/// <summary>
/// Keeps the risk grain's end-of-day reminder and every symbol's feed and auto-trader running. Starting is idempotent, so the loop also
/// re-activates grains that were lost with a failed silo.
/// </summary>
internal sealed partial class TradingBootstrapper(
    IGrainFactory grains,
    IOptions<MarketDataOptions> market,
    IOptions<AutoTraderOptions> autoTrader,
    ILogger<TradingBootstrapper> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period);
        do
        {
            try
            {
                await grains.GetGrain<IRiskGrain>(IRiskGrain.Portfolio).Start();
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogStartFailed(exception, IRiskGrain.Portfolio);
            }

            foreach (var symbol in market.Value.Symbols)
            {
                try
                {
                    await grains.GetGrain<IMarketDataGrain>(symbol).Start();
                    if (autoTrader.Value.Enabled)
                    {
                        await grains.GetGrain<ISignalGrain>(symbol).Start();
                    }
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogStartFailed(exception, symbol);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start {Grain}; retrying")]
    private partial void LogStartFailed(Exception exception, string grain);
}
