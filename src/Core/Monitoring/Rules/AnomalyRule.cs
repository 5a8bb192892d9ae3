using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Anomaly;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>
/// Alert when a detector finds a metric unusual. Every <see cref="Interval"/> the aggregation of
/// each complete interval is fed to a detector of its own per series; an empty interval feeds
/// nothing for last, avg, min and max, and 0 for count, sum and rate.
/// </summary>
/// <param name="Id">Unique id; with the series' labels it makes the alert's key.</param>
/// <param name="Summary">One line for people; <c>{label}</c> placeholders are filled from the series' labels.</param>
/// <param name="Metric">The metric name.</param>
/// <param name="Labels">Labels a series must carry (with these values) for the rule to apply.</param>
/// <param name="Aggregation">How one interval reduces to the value fed to the detector.</param>
/// <param name="Interval">Length of the intervals fed to the detector.</param>
/// <param name="Detector">Which detector.</param>
/// <param name="Window">Values in the baseline (z-score and MAD).</param>
/// <param name="Alpha">Weight of the newest value (EWMA).</param>
/// <param name="Threshold">Band half-width in standard deviations (or scaled MADs).</param>
/// <param name="MinSamples">Values the detector learns from before it judges.</param>
/// <param name="MinDeviation">Smallest distance from the expected value worth an alert, in the metric's unit: keeps a near-flat baseline from alerting on trivia.</param>
/// <param name="Hold">How long an anomaly stays reported after its last anomalous value, so it does not flap.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="Cooldown">How long the alert manager waits before notifying about this alert again.</param>
public sealed record AnomalyRule(
    string Id,
    string Summary,
    string Metric,
    ImmutableDictionary<string, string> Labels,
    Aggregation Aggregation,
    TimeSpan Interval,
    DetectorKind Detector,
    int Window,
    double Alpha,
    double Threshold,
    int MinSamples,
    double MinDeviation,
    TimeSpan Hold,
    AlertSeverity Severity,
    TimeSpan Cooldown)
{
    /// <summary>Whether the rule applies to <paramref name="series"/>: same metric, and its labels include the rule's.</summary>
    public bool Selects(MetricSeries series) => series.Name == Metric && LabelFilter.Includes(series.Labels, Labels);

    /// <summary>A fresh detector as the rule describes it.</summary>
    public IAnomalyDetector CreateDetector() => Detector switch
    {
        DetectorKind.ZScore => new RollingZScoreDetector(Window, Threshold, MinSamples),
        DetectorKind.Ewma => new EwmaDetector(Alpha, Threshold, MinSamples),
        _ => new MadDetector(Window, Threshold, MinSamples),
    };
}
