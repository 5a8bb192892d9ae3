namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>The silo's current adaptive factor, re-evaluated by <see cref="AdaptiveRule"/> at most once per second.</summary>
public sealed class AdaptiveLimits(ILoadSampler sampler, TimeProvider time, RateLimitOptions options)
{
    /// <summary>Least time between two load samples.</summary>
    public static readonly TimeSpan SampleInterval = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private DateTimeOffset _nextSample = DateTimeOffset.MinValue;
    private double _factor = AdaptiveRule.Normal;

    /// <summary>The factor every limit is multiplied by now: 1, 0.5 or 0.25.</summary>
    public double Factor
    {
        get
        {
            lock (_gate)
            {
                var now = time.GetUtcNow();
                if (now >= _nextSample)
                {
                    _nextSample = now + SampleInterval;
                    _factor = AdaptiveRule.Next(_factor, sampler.Sample(), options.QueueThreshold);
                }

                return _factor;
            }
        }
    }
}
