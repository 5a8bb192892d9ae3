using System.Diagnostics;

namespace AriaPro.Benchmarks;

/// <summary>Times one asynchronous call many times, after a warm-up, and reports percentiles.</summary>
internal static class LatencyRecorder
{
    public static async Task<LatencyResult> MeasureAsync(string name, Func<int, Task> call, int warmup, int count)
    {
        for (var i = 0; i < warmup; i++)
        {
            await call(-i - 1);
        }

        var samples = new double[count];
        for (var i = 0; i < count; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await call(i);
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(samples);
        return new(name, count, At(samples, 0.50), At(samples, 0.90), At(samples, 0.99), samples[^1]);
    }

    private static double At(double[] sorted, double quantile) => sorted[(int)Math.Ceiling(quantile * sorted.Length) - 1];
}

/// <summary>Percentiles of one measured call, in microseconds.</summary>
internal sealed record LatencyResult(string Name, int Count, double P50, double P90, double P99, double Max)
{
    public override string ToString() => $"| {Name} | {Count} | {P50:F1} | {P90:F1} | {P99:F1} | {Max:F1} |";
}
