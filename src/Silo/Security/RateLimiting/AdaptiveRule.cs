namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// The adaptive rule, pure. Limits are multiplied by a factor: 1 normally; 0.5 at CPU ≥ 80 % or a
/// thread-pool queue ≥ N; 0.25 at CPU ≥ 95 % or queue ≥ 2N. Tightening is immediate, to any level.
/// Relaxing goes one level per sample and only once load is clearly lower (hysteresis): from 0.25
/// to 0.5 below 85 % CPU and a queue under 1.5N, from 0.5 to 1 below 70 % CPU and a queue under N/2.
/// </summary>
public static class AdaptiveRule
{
    /// <summary>No load: limits as configured.</summary>
    public const double Normal = 1.0;

    /// <summary>Loaded: half the limits.</summary>
    public const double Tight = 0.5;

    /// <summary>Overloaded: a quarter of the limits.</summary>
    public const double Severe = 0.25;

    /// <summary>The factor after <paramref name="sample"/>, given the <paramref name="current"/> one and N.</summary>
    public static double Next(double current, LoadSample sample, int queueThreshold)
    {
        var queue = sample.QueueLength;
        var target = sample.Cpu >= 0.95 || queue >= 2L * queueThreshold ? Severe
            : sample.Cpu >= 0.80 || queue >= queueThreshold ? Tight
            : Normal;
        if (target <= current)
        {
            return target;
        }

        return current switch
        {
            <= Severe when sample.Cpu < 0.85 && queue * 2 < 3L * queueThreshold => Tight,
            <= Tight and > Severe when sample.Cpu < 0.70 && queue * 2 < queueThreshold => Normal,
            _ => current,
        };
    }

    /// <summary>A configured limit scaled by <paramref name="factor"/>, never below 1.</summary>
    public static int Apply(int limit, double factor) => Math.Max(1, (int)Math.Floor(limit * factor));
}
