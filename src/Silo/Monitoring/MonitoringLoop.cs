using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.Threading.Channels;
using AriaPro.Grains.Interfaces.Events;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Rules;
using AriaPro.Core.Monitoring.Series;
using Orleans.Streams;

namespace AriaPro.Silo.Monitoring;

/// <summary>
/// The silo's watcher. Once a second (and at once when a measurement makes a rule start to hold)
/// it reads the gauges into the metric store, evaluates the threshold and anomaly rules, and
/// reports the conditions that hold to the alert manager: whenever they change, and at least every
/// <see cref="Heartbeat"/> so the manager knows this silo is alive. Every
/// <see cref="DigestPeriod"/> it publishes a <see cref="PerformanceDigest"/>. A failed report is
/// logged and made good by the next one; nothing here can stop trading.
/// </summary>
public sealed partial class MonitoringLoop : BackgroundService
{
    /// <summary>How often rules are evaluated without a wake-up.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    /// <summary>Longest time between two reports of unchanged conditions.</summary>
    public static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(5);

    /// <summary>How often the performance digest is published.</summary>
    public static readonly TimeSpan DigestPeriod = TimeSpan.FromSeconds(5);

    // One pending wake-up at most, from the tick or from a rule that started to hold.
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly MetricStore _store;
    private readonly AlertEvaluator _evaluator;
    private readonly MetricRecorder _recorder;
    private readonly ResourceMonitor _resources;
    private readonly IClusterClient _cluster;
    private readonly string _silo;
    private readonly TimeProvider _time;
    private readonly ILogger<MonitoringLoop> _logger;
    private ImmutableHashSet<string> _reported = [];
    private DateTimeOffset _reportedAt = DateTimeOffset.MinValue;
    private DateTimeOffset _digestAt = DateTimeOffset.MinValue;
    private DateTimeOffset _gaugesAt = DateTimeOffset.MinValue;

    /// <summary>Starts recording this host's instruments into <paramref name="store"/>.</summary>
    public MonitoringLoop(
        MetricStore store, AlertRules rules, ResourceMonitor resources, IMeterFactory meters, IClusterClient cluster,
        ILocalSiloDetails silo, TimeProvider time, ILogger<MonitoringLoop> logger)
    {
        _store = store;
        _evaluator = new AlertEvaluator(rules, store, time);
        _recorder = new MetricRecorder(store, _evaluator, meters, () => _wake.Writer.TryWrite(true));
        _resources = resources;
        _cluster = cluster;
        _silo = silo.SiloAddress.ToString();
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public override void Dispose()
    {
        _recorder.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = _time.CreateTimer(_ => _wake.Writer.TryWrite(true), null, Tick, Tick);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                await RunOnce();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The silo is stopping.
        }
    }

    /// <summary>
    /// One round: the gauges (once a second: a round woken early by a rule skips them), the rules,
    /// the report to the alert manager, the digest when due.
    /// </summary>
    public async Task RunOnce()
    {
        var now = _time.GetUtcNow();
        try
        {
            if (now - _gaugesAt >= Tick)
            {
                _gaugesAt = now;
                _recorder.RecordObservables();
            }

            var firing = _evaluator.Evaluate();
            var keys = firing.Select(s => s.Key).ToImmutableHashSet(StringComparer.Ordinal);
            if (!keys.SetEquals(_reported) || now - _reportedAt >= Heartbeat)
            {
                await _cluster.GetGrain<IAlertManagerGrain>(IAlertManagerGrain.Key).Report(_silo, firing);
                _reported = keys;
                _reportedAt = now;
            }

            if (now - _digestAt >= DigestPeriod)
            {
                _digestAt = now;
                await _cluster.GetStreamProvider(AriaStreams.Provider)
                    .GetStream<PerformanceDigest>(StreamId.Create(AriaStreams.Namespace, AriaStreams.Performance))
                    .OnNextAsync(Digest(now));
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogRoundFailed(exception);
        }
    }

    private PerformanceDigest Digest(DateTimeOffset now)
    {
        var resources = _resources.Current;
        var values = ImmutableDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        foreach (var (name, key) in new[]
        {
            ("aria.orders.submitted", "ordersSubmittedPerSecond"), ("aria.orders.filled", "ordersFilledPerSecond"),
            ("aria.orders.denied", "ordersDeniedPerSecond"), ("aria.orders.rejected", "ordersRejectedPerSecond"),
            ("aria.model.inferences", "inferencesPerSecond"),
        })
        {
            values[key] = Total(name, Aggregation.Rate);
        }

        if (Average("aria.order.latency") is { } latency)
        {
            values["orderLatencyAverageSeconds"] = latency;
        }

        values["cpuFraction"] = resources.CpuFraction;
        values["workingSetBytes"] = resources.WorkingSetBytes;
        values["gcHeapBytes"] = resources.GcHeapBytes;
        values["gcPauseRatio"] = resources.GcPauseRatio;
        values["threadPoolQueue"] = resources.ThreadPoolQueue;
        values["metricSeries"] = _store.Series.Count;
        return new PerformanceDigest(_silo, now, values.ToImmutable());
    }

    // Summed over every series of the metric, over the digest period.
    private double Total(string name, Aggregation aggregation) =>
        _store.Find(name).Sum(s => _store.Aggregate(s, aggregation, DigestPeriod, _time.GetUtcNow()) ?? 0);

    private double? Average(string name)
    {
        double sum = 0, count = 0;
        foreach (var series in _store.Find(name))
        {
            sum += _store.Aggregate(series, Aggregation.Sum, DigestPeriod, _time.GetUtcNow()) ?? 0;
            count += _store.Aggregate(series, Aggregation.Count, DigestPeriod, _time.GetUtcNow()) ?? 0;
        }

        return count > 0 ? sum / count : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A monitoring round failed; the next one reports again")]
    private partial void LogRoundFailed(Exception exception);
}
