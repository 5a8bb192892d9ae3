using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>Persisted state of a trader's circuit breaker.</summary>
[GenerateSerializer, Alias("AriaPro.CircuitBreakerState")]
public sealed class CircuitBreakerState
{
    /// <summary>Stored state; an Open breaker whose cooldown has passed reads as HalfOpen.</summary>
    [Id(0)] public CircuitState State { get; set; } = CircuitState.Closed;

    /// <summary>Failures in a row since the last success.</summary>
    [Id(1)] public int ConsecutiveFailures { get; set; }

    /// <summary>When an Open breaker lets its probe through.</summary>
    [Id(2)] public DateTimeOffset? OpenUntil { get; set; }

    /// <summary>The half-open probe in flight, if any.</summary>
    [Id(3)] public string? ProbeOrderId { get; set; }

    /// <summary>Why an operator isolated the breaker, or why it last opened.</summary>
    [Id(4)] public string? Reason { get; set; }
}
