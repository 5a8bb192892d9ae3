using AriaPro.Grains.Interfaces.Trading;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Http;

/// <summary>Ready when a grain call round-trips through the cluster within a few seconds.</summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var symbols = await grains.GetGrain<ITradingDeskGrain>(0).GetSymbols().WaitAsync(Timeout, cancellationToken);
            return HealthCheckResult.Healthy($"cluster answers; trading {string.Join(",", symbols)}");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy("the cluster does not answer", exception);
        }
    }
}
