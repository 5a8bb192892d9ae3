using Microsoft.Extensions.Logging;
using Orleans.Runtime;

namespace AriaPro.Grains.Security;

/// <summary>
/// Holds the silo's start at the Active stage until its <see cref="JwtKeys"/> loaded once, so the
/// HTTP facade (started after the silo) never serves without keys. It retries every
/// <see cref="RetryInterval"/> of real time and fails the start after <see cref="Timeout"/>.
/// </summary>
public sealed partial class JwtKeysStartup(JwtKeys keys, ILogger<JwtKeysStartup> logger) : ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>How long a starting silo tries to load its keys before it gives up.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    /// <summary>Pause between attempts.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromMilliseconds(500);

    private readonly ILogger<JwtKeysStartup> _logger = logger;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(JwtKeysStartup), ServiceLifecycleStage.Active, LoadAsync, _ => Task.CompletedTask);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        // Real time, not the trading clock: a test's fake clock must not stall a silo's start.
        var deadline = TimeProvider.System.GetUtcNow() + Timeout;
        while (true)
        {
            try
            {
                await keys.RefreshAsync();
                return;
            }
            catch (Exception exception) when (TimeProvider.System.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
            {
                LogRetrying(exception);
            }
            catch (Exception exception)
            {
                throw new InvalidOperationException($"could not load the JWT signing keys within {Timeout.TotalSeconds:0} s of start; the silo does not serve without them", exception);
            }

            await Task.Delay(RetryInterval, TimeProvider.System, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "JWT signing keys not loaded yet; retrying")]
    private partial void LogRetrying(Exception exception);
}
