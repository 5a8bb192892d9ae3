namespace AriaPro.Core.Monitoring.Rules;

/// <summary>Which anomaly detector an anomaly rule runs.</summary>
public enum DetectorKind
{
    /// <summary><see cref="Anomaly.RollingZScoreDetector"/>: mean and standard deviation of a window.</summary>
    ZScore,

    /// <summary><see cref="Anomaly.EwmaDetector"/>: exponentially weighted mean and variance.</summary>
    Ewma,

    /// <summary><see cref="Anomaly.MadDetector"/>: median and median absolute deviation of a window.</summary>
    Mad,
}
