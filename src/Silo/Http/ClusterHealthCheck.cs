using AriaPro.Grains.Interfaces.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AriaPro.Silo.Http;

/// <summary>
/// Ready when the cluster answers, not only this silo: the membership (asked of the management
/// grain) has active silos, and the signing-key ring, a single activation that lives on whichever
/// silo the directory placed it and reads storage when it activates, answers a call. A stateless
/// worker would always run here and prove nothing about the rest of the cluster.
/// </summary>
internal sealed class ClusterHealthCheck(IGrainFactory grains) : IHealthCheck
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var hosts = grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            var ring = grains.GetGrain<IJwtKeyRingGrain>(IJwtKeyRingGrain.Cluster).GetView();
            await Task.WhenAll(hosts, ring).WaitAsync(Timeout, cancellationToken);
            var active = (await hosts).Count;
            return active > 0
                ? HealthCheckResult.Healthy($"the cluster answers: {active} active silo{(active == 1 ? "" : "s")}")
                : HealthCheckResult.Unhealthy("the membership lists no active silo");
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Unhealthy($"the cluster does not answer within {Timeout.TotalSeconds:0} s ({exception.GetType().Name})", exception);
        }
    }
}
