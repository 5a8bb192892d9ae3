using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Core.Trading;

/// <summary>A change of breaker state, for logs and events.</summary>
public readonly record struct CircuitTransition(CircuitState From, CircuitState To, string Reason);
