namespace AriaPro.Silo.Security.RateLimiting;

/// <summary>
/// What the store decided for one request. The middleware puts it on the request's features, so an
/// endpoint can read when (on the store's clock) it was admitted.
/// </summary>
public sealed record RateLimitDecision
{
    /// <summary>True when every partition had room and the request was recorded in all of them.</summary>
    public required bool Admitted { get; init; }

    /// <summary>When the store decided, on its clock (Redis's own in cluster mode).</summary>
    public required DateTimeOffset At { get; init; }

    /// <summary>The first full partition, when a window refused the request.</summary>
    public RateLimitPartition? RefusedBy { get; init; }

    /// <summary>The lockout in force (or imposed by this refusal), when there is one.</summary>
    public Penalty? Penalty { get; init; }

    /// <summary>True when this very refusal made a strike and started <see cref="Penalty"/>.</summary>
    public bool PenaltyImposed { get; init; }

    /// <summary>When a retry can first succeed; zero when admitted.</summary>
    public TimeSpan RetryAfter { get; init; }

    /// <summary>The limit that refused the request, or null when admitted.</summary>
    public RateLimitScope? Scope => Admitted ? null : Penalty is not null ? RateLimitScope.Penalty : RefusedBy?.Scope;

    /// <summary>Whole seconds for the Retry-After header, at least 1.</summary>
    public int RetryAfterSeconds => Math.Max(1, (int)Math.Ceiling(RetryAfter.TotalSeconds));

    internal static RateLimitDecision Allowed(DateTimeOffset at) => new() { Admitted = true, At = at };
}
