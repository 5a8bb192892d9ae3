namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>
/// Flags a value more than <c>threshold</c> standard deviations from the mean of the previous
/// <c>window</c> values (the value itself excluded). The band is <c>mean ± threshold·σ</c>, σ the
/// sample standard deviation, floored at one part in a billion of the mean so a flat series
/// followed by any real change is anomalous.
/// </summary>
/// <remarks>
/// Anomalous values enter the window like any other: a lasting level shift becomes the new normal
/// after about a window of values. The price is that one huge spike widens σ until it leaves the
/// window; <see cref="MadDetector"/> does not have that weakness. Mean and variance are recomputed
/// from the window on every value (two passes, no running sums to drift or cancel): O(window), fine
/// at one value a second.
/// </remarks>
public sealed class RollingZScoreDetector : IAnomalyDetector
{
    private readonly ValueWindow _window;
    private readonly double _threshold;
    private readonly int _minSamples;

    /// <summary>Creates a detector.</summary>
    /// <param name="window">Previous values the baseline holds (at least 2).</param>
    /// <param name="threshold">Standard deviations from the mean beyond which a value is anomalous (positive).</param>
    /// <param name="minSamples">Values needed in the window before judging (2 to <paramref name="window"/>).</param>
    public RollingZScoreDetector(int window, double threshold, int minSamples)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(window, 2);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(threshold, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSamples, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minSamples, window);
        _window = new ValueWindow(window);
        _threshold = threshold;
        _minSamples = minSamples;
    }

    /// <inheritdoc/>
    public string Name => "zscore";

    /// <inheritdoc/>
    public AnomalyVerdict Observe(double value)
    {
        var values = _window.Values;
        var mean = double.NaN;
        var sigma = 0.0;
        if (values.Length > 0)
        {
            var sum = 0.0;
            foreach (var v in values)
            {
                sum += v;
            }

            mean = sum / values.Length;
            if (values.Length > 1)
            {
                var squares = 0.0;
                foreach (var v in values)
                {
                    squares += (v - mean) * (v - mean);
                }

                sigma = Math.Sqrt(squares / (values.Length - 1));
            }
        }

        var ready = values.Length >= _minSamples;
        var verdict = AnomalyVerdict.Judge(value, mean, _threshold * SigmaFloor.Apply(sigma, mean), ready);
        if (double.IsFinite(value))
        {
            _window.Add(value);
        }
        else
        {
            verdict = verdict with { IsAnomaly = false };
        }

        return verdict;
    }
}
