namespace AriaPro.Core.Monitoring.Anomaly;

/// <summary>What a detector made of one value.</summary>
/// <param name="IsAnomaly">Whether the value lies outside <c>[Low, High]</c>; never true before <paramref name="Ready"/>.</param>
/// <param name="Value">The value judged.</param>
/// <param name="Expected">The baseline's centre (mean, EWMA or median); NaN before the first value.</param>
/// <param name="Low">Lower edge of the normal band; NaN while not ready.</param>
/// <param name="High">Upper edge of the normal band; NaN while not ready.</param>
/// <param name="Ready">Whether the baseline had enough values to judge by.</param>
public readonly record struct AnomalyVerdict(bool IsAnomaly, double Value, double Expected, double Low, double High, bool Ready)
{
    internal static AnomalyVerdict Judge(double value, double expected, double halfWidth, bool ready)
    {
        if (!ready)
        {
            return new AnomalyVerdict(false, value, expected, double.NaN, double.NaN, false);
        }

        var low = expected - halfWidth;
        var high = expected + halfWidth;
        return new AnomalyVerdict(value < low || value > high, value, expected, low, high, true);
    }
}
