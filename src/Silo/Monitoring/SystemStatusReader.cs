using System.Collections.Concurrent;
using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Monitoring;

/// <summary>Puts <see cref="SystemStatus"/> together; each part has its own deadline, and a failed part is reported, not fatal.</summary>
public sealed class SystemStatusReader(
    IGrainFactory grains, ILocalSiloDetails silo, ResourceMonitor resources, MonitoringOptions options, TimeProvider time)
{
    /// <summary>How long one part may take before it is left out.</summary>
    public static readonly TimeSpan PartDeadline = TimeSpan.FromSeconds(5);

    /// <summary>Reads the status now.</summary>
    public async Task<SystemStatus> ReadAsync()
    {
        var errors = new ConcurrentQueue<string>();
        var cluster = Part(ReadCluster(), "cluster", errors);
        var traders = Part(ReadTraders(), "traders", errors);
        var models = Part(ReadModels(), "models", errors);
        var alerts = Part(ReadAlerts(), "alerts", errors);
        await Task.WhenAll(cluster, traders, models, alerts);
        return new SystemStatus(
            silo.SiloAddress.ToString(), time.GetUtcNow(), options.Enabled, resources.Current,
            cluster.Result, traders.Result ?? [], models.Result ?? [], alerts.Result, [.. errors]);
    }

    private static async Task<T?> Part<T>(Task<T> read, string name, ConcurrentQueue<string> errors)
        where T : class
    {
        try
        {
            return await read.WaitAsync(PartDeadline);
        }
        catch (Exception exception)
        {
            errors.Enqueue($"{name}: {exception.GetBaseException().Message}");
            return null;
        }
    }

    private async Task<ClusterStatus> ReadCluster()
    {
        var management = grains.GetGrain<IManagementGrain>(0);
        var hosts = await management.GetDetailedHosts(onlyActive: true);
        var statistics = await management.GetRuntimeStatistics([.. hosts.Select(h => h.SiloAddress)]);
        var silos = hosts.Select((host, i) =>
        {
            var stats = i < statistics.Length ? statistics[i] : null;
            return new SiloInfo(
                host.SiloAddress.ToString(), host.SiloName, host.Status.ToString(), host.StartTime, host.SiloAddress.Equals(silo.SiloAddress),
                stats?.ActivationCount, stats?.EnvironmentStatistics.FilteredCpuUsagePercentage, stats?.EnvironmentStatistics.FilteredMemoryUsageBytes, stats?.IsOverloaded);
        }).OrderBy(s => s.Address, StringComparer.Ordinal).ToList();
        return new ClusterStatus(silos.Count, silos.Sum(s => s.Activations ?? 0), silos);
    }

    private async Task<IReadOnlyList<TraderStatus>> ReadTraders()
    {
        var symbols = await grains.GetGrain<ITradingDeskGrain>(0).GetSymbols();
        var views = await Task.WhenAll(symbols.Select(s => grains.GetGrain<ITraderGrain>(s).GetStatus()));
        return [.. views.Select(v => new TraderStatus(
            v.Symbol, v.TradingState, v.CircuitBreaker.State, v.CircuitBreaker.ConsecutiveFailures, v.CircuitBreaker.OpensUntil,
            v.Position, v.PositionLimit, v.WorkingOrders))];
    }

    private async Task<IReadOnlyList<ModelStatus>> ReadModels()
    {
        var view = await grains.GetGrain<IModelDeskGrain>(0).GetModels();
        return [.. view.Models.Select(m => new ModelStatus(m.Id, m.State, m.SuccessRate, m.Reason))];
    }

    private async Task<AlertCounts> ReadAlerts()
    {
        var active = (await grains.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).GetAlerts()).Active;
        return new AlertCounts(
            active.Count,
            active.Count(a => a.Severity == AlertSeverity.Critical),
            active.Count(a => a.Severity == AlertSeverity.Warning),
            active.Count(a => a.Severity == AlertSeverity.Info),
            active.Count(a => a.AcknowledgedAt is null));
    }
}
