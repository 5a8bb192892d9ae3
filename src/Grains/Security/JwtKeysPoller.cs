using AriaPro.Grains.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Security;

/// <summary>
/// Keeps this silo's <see cref="JwtKeys"/> fresh: a refresh every <see cref="JwtKeys.PollInterval"/>
/// of the trading clock. A failed refresh (the grains' silo is down, storage does not answer, a key
/// does not open) keeps the last loaded keys, is logged once until a refresh succeeds again, and is
/// retried on the next tick; it never stops the silo.
/// </summary>
public sealed partial class JwtKeysPoller(
    JwtKeys keys,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<JwtKeysPoller> logger) : BackgroundService
{
    private readonly ILogger<JwtKeysPoller> _logger = logger;
    private bool _failing;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A periodic timer keeps a tick that falls due while a refresh runs, so a slow refresh
        // delays the next one but never skips it.
        using var timer = new PeriodicTimer(JwtKeys.PollInterval, time);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await timer.WaitForNextTickAsync(stoppingToken))
                {
                    return;
                }

                await keys.RefreshAsync();
                if (_failing)
                {
                    _failing = false;
                    LogRecovered(keys.KeyVersion);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                if (!_failing)
                {
                    _failing = true;
                    LogPollFailed(exception, keys.KeyVersion);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not refresh the JWT keys and revocations (this silo holds key set {Version}); retrying every poll until it works")]
    private partial void LogPollFailed(Exception exception, long version);

    [LoggerMessage(Level = LogLevel.Information, Message = "JWT keys and revocations refresh again (key set {Version})")]
    private partial void LogRecovered(long version);
}
