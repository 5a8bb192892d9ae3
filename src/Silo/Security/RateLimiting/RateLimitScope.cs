namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>Which limit refused a request.</summary>
public enum RateLimitScope
{
    /// <summary>The principal's own limit across all endpoints.</summary>
    Principal,

    /// <summary>The principal's limit on one endpoint.</summary>
    Endpoint,

    /// <summary>The ceiling across all principals.</summary>
    Global,

    /// <summary>A lockout for repeatedly hitting the limits.</summary>
    Penalty,
}
