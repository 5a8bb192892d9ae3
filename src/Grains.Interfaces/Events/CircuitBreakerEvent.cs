using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Events;

/// <summary>
/// A circuit breaker changed state: a trader's (<see cref="Source"/> <c>trader</c>, <see cref="Name"/>
/// the symbol) or a model's (<c>model</c>, the model id). Published on <see cref="AriaStreams.CircuitBreaker"/>
/// after the new state is persisted. <see cref="Silo"/> is the address of the silo the grain ran on.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.CircuitBreakerEvent")]
public sealed record CircuitBreakerEvent(
    [property: Id(0)] string Source,
    [property: Id(1)] string Name,
    [property: Id(2)] CircuitState From,
    [property: Id(3)] CircuitState To,
    [property: Id(4)] string Reason,
    [property: Id(5)] DateTimeOffset Time,
    [property: Id(6)] string Silo);
