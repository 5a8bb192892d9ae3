using AriaPro.Core.Monitoring.Series;

namespace AriaPro.Core.Monitoring.Rules;

/// <summary>The rules that apply to one series, resolved once, with their per-series state.</summary>
internal sealed class SeriesRules(MetricSeries series, ThresholdState[] thresholds, ThresholdState[] fast, AnomalyState[] anomalies)
{
    public MetricSeries Series { get; } = series;

    public ThresholdState[] Thresholds { get; } = thresholds;

    /// <summary>The thresholds on the latest value with no duration: the ones <see cref="AlertEvaluator.Observe"/> checks.</summary>
    public ThresholdState[] Fast { get; } = fast;

    public AnomalyState[] Anomalies { get; } = anomalies;
}
