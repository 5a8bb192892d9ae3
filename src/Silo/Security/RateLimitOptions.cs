namespace AriaPro.Silo.Security;

/// <summary>HTTP rate limiting (<c>RATE_LIMIT_REQUESTS_PER_MINUTE</c>).</summary>
public sealed class RateLimitOptions
{
    /// <summary>Default per-user limit.</summary>
    /// <value>The default value is 60.</value>
    public int RequestsPerMinute { get; set; } = 60;
}
