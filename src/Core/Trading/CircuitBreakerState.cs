using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>Persisted state of a trader's circuit breaker.</summary>
public sealed class CircuitBreakerState
{
    /// <summary>Stored state; an Open breaker whose cooldown has passed reads as HalfOpen.</summary>
    public CircuitState State { get; set; } = CircuitState.Closed;

    /// <summary>Failures in a row since the last success.</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>When an Open breaker lets its probe through.</summary>
    public DateTimeOffset? OpenUntil { get; set; }

    /// <summary>The half-open probe in flight, if any.</summary>
    public string? ProbeOrderId { get; set; }

    /// <summary>Why an operator isolated the breaker, or why it last opened.</summary>
    public string? Reason { get; set; }
}
