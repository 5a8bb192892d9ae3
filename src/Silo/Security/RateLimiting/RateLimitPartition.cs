namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>One sliding window a request must fit in: its store key and its (already adapted) limit.</summary>
/// <param name="Scope">Principal, Endpoint or Global.</param>
/// <param name="Key">The window's key, unique per partition (the store adds its own prefix).</param>
/// <param name="Limit">Requests admitted per window, at least 1.</param>
public sealed record RateLimitPartition(RateLimitScope Scope, string Key, int Limit);
