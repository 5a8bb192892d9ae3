using System.Collections.Immutable;
using AriaPro.Grains.Interfaces.Monitoring;
using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>
/// Alert when the aggregation of a metric over a window compares true with a threshold, and has
/// done so for <see cref="For"/>. Applies to every series of <see cref="Metric"/> whose labels
/// include <see cref="Labels"/>, each series on its own.
/// </summary>
/// <param name="Id">Unique id; with the series' labels it makes the alert's key.</param>
/// <param name="Summary">One line for people; <c>{label}</c> placeholders are filled from the series' labels.</param>
/// <param name="Metric">The metric name.</param>
/// <param name="Labels">Labels a series must carry (with these values) for the rule to apply.</param>
/// <param name="Aggregation">How the window reduces to one value.</param>
/// <param name="Window">The window; zero means the latest value (only with <see cref="Aggregation.Last"/>).</param>
/// <param name="Comparison">How the value compares with <see cref="Threshold"/>.</param>
/// <param name="Threshold">The threshold.</param>
/// <param name="For">How long the comparison must hold before the alert is raised.</param>
/// <param name="Severity">The alert's severity.</param>
/// <param name="Cooldown">How long the alert manager waits before notifying about this alert again.</param>
public sealed record ThresholdRule(
    string Id,
    string Summary,
    string Metric,
    ImmutableDictionary<string, string> Labels,
    Aggregation Aggregation,
    TimeSpan Window,
    Comparison Comparison,
    double Threshold,
    TimeSpan For,
    AlertSeverity Severity,
    TimeSpan Cooldown)
{
    /// <summary>Whether the rule applies to <paramref name="series"/>: same metric, and its labels include the rule's.</summary>
    public bool Selects(MetricSeries series) => series.Name == Metric && LabelFilter.Includes(series.Labels, Labels);
}
