namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>
/// Flags a value outside <c>mean ± threshold·σ</c>, where mean and variance are exponentially
/// weighted moving averages (weight <c>alpha</c> on the newest value). The value is judged
/// against the state before it, then folded in. Constant memory; σ floored as in
/// <see cref="RollingZScoreDetector"/>.
/// </summary>
/// <remarks>
/// Anomalous values update the averages too, so a lasting level shift becomes normal after a few
/// multiples of <c>1/alpha</c> values. Variance uses the incremental form
/// <c>var ← (1−α)(var + α·d²)</c> with <c>d = x − mean</c> (Finch, 2009).
/// </remarks>
public sealed class EwmaDetector : IAnomalyDetector
{
    private readonly double _alpha;
    private readonly double _threshold;
    private readonly int _minSamples;
    private double _mean = double.NaN;
    private double _variance;
    private long _seen;

    /// <summary>Creates a detector.</summary>
    /// <param name="alpha">Weight of the newest value, in (0, 1].</param>
    /// <param name="threshold">Standard deviations from the mean beyond which a value is anomalous (positive).</param>
    /// <param name="minSamples">Values to learn from before judging (at least 2).</param>
    public EwmaDetector(double alpha, double threshold, int minSamples)
    {
        if (!(alpha > 0 && alpha <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "Alpha must be in (0, 1].");
        }

        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSamples, 2);
        _alpha = alpha;
        _threshold = threshold;
        _minSamples = minSamples;
    }

    /// <inheritdoc/>
    public string Name => "ewma";

    /// <inheritdoc/>
    public AnomalyVerdict Observe(double value)
    {
        var ready = _seen >= _minSamples;
        var verdict = AnomalyVerdict.Judge(value, _mean, _threshold * SigmaFloor.Apply(Math.Sqrt(_variance), _mean), ready);
        if (!double.IsFinite(value))
        {
            return verdict with { IsAnomaly = false };
        }

        if (_seen == 0)
        {
            _mean = value;
        }
        else
        {
            var difference = value - _mean;
            var increment = _alpha * difference;
            _mean += increment;
            _variance = (1 - _alpha) * (_variance + difference * increment);
        }

        _seen++;
        return verdict;
    }
}
