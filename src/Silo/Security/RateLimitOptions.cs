using System.Net;

namespace AriaPro.Silo.Security;

/// <summary>
/// HTTP rate limiting (<c>RATE_LIMIT_*</c>, <c>ARIA_IP_ALLOW</c>, <c>ARIA_IP_DENY</c>). Every limit
/// counts requests in a sliding <see cref="Window"/>, one minute in production.
/// </summary>
public sealed class RateLimitOptions
{
    /// <summary>Default per-user limit.</summary>
    /// <value>The default value is 60.</value>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Per-principal limits of single endpoints, keyed by <c>METHOD /route/pattern</c> (case-insensitive).</summary>
    /// <value>The default value is <see cref="RateLimitConstants.DefaultEndpointLimits"/>.</value>
    public IReadOnlyDictionary<string, int> EndpointLimits { get; set; } = RateLimitConstants.DefaultEndpointLimits;

    /// <summary>Ceiling across all principals and silos.</summary>
    /// <value>The default value is 6000.</value>
    public int GlobalPerMinute { get; set; } = RateLimitConstants.DefaultGlobalPerMinute;

    /// <summary>Networks allowed to call; empty allows everyone.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<IPNetwork> IpAllow { get; set; } = [];

    /// <summary>Networks refused with 403; a deny entry wins over an allow entry.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<IPNetwork> IpDeny { get; set; } = [];

    /// <summary>Length of the sliding window every limit counts in (tests shrink it).</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Refusals within <see cref="StrikeWindow"/> that make one strike and a lockout.</summary>
    /// <value>The default value is 3.</value>
    public int StrikeRefusals { get; set; } = 3;

    /// <summary>Span in which <see cref="StrikeRefusals"/> refusals make a strike.</summary>
    /// <value>The default value is one minute.</value>
    public TimeSpan StrikeWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a strike counts towards the next penalty level.</summary>
    /// <value>The default value is 24 hours.</value>
    public TimeSpan StrikeMemory { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Lockout of penalty level 1, 2, ...; strikes beyond the last level keep the last duration.</summary>
    /// <value>The default value is 1, 5, 15 and 60 minutes.</value>
    public IReadOnlyList<TimeSpan> PenaltyDurations { get; set; } = RateLimitConstants.DefaultPenaltyDurations;

    /// <summary>Thread-pool queue length at which limits halve (twice this quarters them).</summary>
    /// <value>The default value is 200.</value>
    public int QueueThreshold { get; set; } = RateLimitConstants.DefaultQueueThreshold;

    /// <summary>Prefix of every Redis key; the hash tag keeps them in one slot of a Redis Cluster, as one script touches them all.</summary>
    /// <value>The default value is <c>aria:rl:{rl}:</c>.</value>
    public string RedisKeyPrefix { get; set; } = "aria:rl:{rl}:";
}
