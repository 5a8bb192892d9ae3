using AriaPro.Core.Monitoring.Anomaly;

namespace AriaPro.Core.Monitoring.Rules;

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
