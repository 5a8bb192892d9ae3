using HdrHistogram;

namespace AriaPro.Load.Running;

/// <summary>Percentiles of one step's latencies, in microseconds.</summary>
public sealed record LatencySummary(long Count, long P50, long P99, long P999, long Max)
{
    /// <summary>Highest latency a histogram tracks: a minute, in microseconds; longer ones are recorded as a minute.</summary>
    public const long HighestMicros = 60_000_000;

    /// <summary>A histogram for latencies from 1 µs to a minute at three significant digits, safe to record into from many threads.</summary>
    public static LongConcurrentHistogram NewHistogram() => new(1, HighestMicros, 3);

    /// <summary>Records <paramref name="micros"/>, clamped to the histogram's range.</summary>
    public static void Record(HistogramBase histogram, double micros) =>
        histogram.RecordValue(Math.Clamp((long)Math.Round(micros), 1, HighestMicros));

    /// <summary>The summary of <paramref name="histogram"/>; all zero when it is empty.</summary>
    public static LatencySummary Of(HistogramBase histogram) =>
        histogram.TotalCount == 0
            ? new(0, 0, 0, 0, 0)
            : new(histogram.TotalCount,
                histogram.GetValueAtPercentile(50),
                histogram.GetValueAtPercentile(99),
                histogram.GetValueAtPercentile(99.9),
                histogram.GetMaxValue());
}
