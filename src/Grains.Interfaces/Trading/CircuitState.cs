namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>State of a trader's circuit breaker. Isolated is held open by an operator.</summary>
[GenerateSerializer, Alias("AriaPro.CircuitState")]
public enum CircuitState
{
    /// <summary>Orders pass; failures are counted.</summary>
    Closed,
    /// <summary>Orders are denied until the cooldown ends.</summary>
    Open,
    /// <summary>One probe order may pass; its outcome closes or reopens the breaker.</summary>
    HalfOpen,
    /// <summary>Held open by an operator until resumed.</summary>
    Isolated,
}
