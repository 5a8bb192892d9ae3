namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>State of a trader's circuit breaker. Isolated is held open by an operator.</summary>
[GenerateSerializer, Alias("AriaPro.CircuitState")]
public enum CircuitState
{
    Closed,
    Open,
    HalfOpen,
    Isolated,
}
