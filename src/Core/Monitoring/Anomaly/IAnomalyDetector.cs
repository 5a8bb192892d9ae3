namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>
/// Judges each value of a stream against what came before it. Implementations keep bounded state
/// (fixed arrays) and are not thread-safe: one instance per stream, fed from one thread.
/// </summary>
public interface IAnomalyDetector
{
    /// <summary>Short name put on alerts, e.g. <c>zscore</c>.</summary>
    string Name { get; }

    /// <summary>Judges <paramref name="value"/> against the baseline, then adds it to the baseline. NaN and infinities are ignored: not judged, not learnt.</summary>
    AnomalyVerdict Observe(double value);
}
