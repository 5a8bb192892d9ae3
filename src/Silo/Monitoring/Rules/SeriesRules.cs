using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Silo.Monitoring.Anomaly;
using AriaPro.Silo.Monitoring.Series;

namespace AriaPro.Silo.Monitoring.Rules;

/// <summary>The rules that apply to one series, resolved once, with their per-series state.</summary>
internal sealed class SeriesRules(MetricSeries series, ThresholdState[] thresholds, ThresholdState[] fast, AnomalyState[] anomalies)
{
    public MetricSeries Series { get; } = series;

    public ThresholdState[] Thresholds { get; } = thresholds;

    /// <summary>The thresholds on the latest value with no duration: the ones <see cref="AlertEvaluator.Observe"/> checks.</summary>
    public ThresholdState[] Fast { get; } = fast;

    public AnomalyState[] Anomalies { get; } = anomalies;
}

/// <summary>One threshold rule on one series.</summary>
internal sealed class ThresholdState(ThresholdRule rule, string key, string summary)
{
    /// <summary>1 while the fast path last saw the rule hold; written by concurrent Observe calls.</summary>
    public int Observed;

    public ThresholdRule Rule { get; } = rule;

    public string Key { get; } = key;

    public string Summary { get; } = summary;

    /// <summary>Since when Evaluate has seen the rule hold; Evaluate's thread only.</summary>
    public DateTimeOffset? Since { get; set; }
}

/// <summary>One anomaly rule on one series: its detector and the last anomaly it found.</summary>
internal sealed class AnomalyState(AnomalyRule rule, string key, string summary, IAnomalyDetector detector)
{
    public AnomalyRule Rule { get; } = rule;

    public string Key { get; } = key;

    public string Summary { get; } = summary;

    public IAnomalyDetector Detector { get; } = detector;

    /// <summary>Start (ticks) of the next interval to feed; 0 before the first.</summary>
    public long NextInterval { get; set; }

    public AnomalyVerdict LastAnomaly { get; set; }

    public DateTimeOffset? LastAnomalyTime { get; set; }
}
