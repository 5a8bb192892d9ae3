using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Keeps this silo's <see cref="ModelCatalog"/> on the cluster's model manifest: every
/// <see cref="PollInterval"/> it reads the registry and applies a newer manifest. A failed poll (the
/// registry's silo is down, storage does not answer) is logged and tried again on the next tick.
/// </summary>
public sealed partial class ModelManifestFollower(
    IGrainFactory grains,
    ModelCatalog catalog,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time,
    ILogger<ModelManifestFollower> logger) : BackgroundService
{
    /// <summary>How often a silo asks for the manifest: how long a reload takes to reach every silo.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    private readonly ILogger<ModelManifestFollower> _logger = logger;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(PollInterval, time, stoppingToken);
                var manifest = await grains.GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Cluster).GetManifest();
                if (manifest.Version > catalog.ManifestVersion)
                {
                    await Task.Run(() => catalog.Apply(manifest), stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogPollFailed(exception, catalog.ManifestVersion);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the model manifest (this silo follows version {ManifestVersion}); retrying")]
    private partial void LogPollFailed(Exception exception, long manifestVersion);
}
