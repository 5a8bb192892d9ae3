namespace AriaPro.Silo.Security;

/// <summary>Defaults of <see cref="RateLimitOptions"/>.</summary>
public static class RateLimitConstants
{
    /// <summary>Requests per window across every principal and silo.</summary>
    public const int DefaultGlobalPerMinute = 6000;

    /// <summary>Thread-pool queue length at which limits halve.</summary>
    public const int DefaultQueueThreshold = 200;

    /// <summary>
    /// Token exchange is what a key-guesser hammers; order submission is what moves money. A batch
    /// counts once however many orders it holds (up to 100), so its own limit is lower.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, int> DefaultEndpointLimits =
        new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
        {
            ["POST /auth/token"] = 10,
            ["POST /trading/orders"] = 30,
            ["POST /trading/orders/batch"] = 10,
        };

    /// <summary>Lockouts of penalty levels 1 to 4.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultPenaltyDurations =
        [TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(60)];
}
