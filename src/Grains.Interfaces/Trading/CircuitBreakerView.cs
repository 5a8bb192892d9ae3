namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// A breaker's state; <see cref="OpensUntil"/> is when an Open breaker lets a probe through, and
/// <see cref="Reason"/> why it is not Closed (an operator's halt reason, or the failure that opened it).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.CircuitBreakerView")]
public sealed record CircuitBreakerView(
    [property: Id(0)] CircuitState State,
    [property: Id(1)] int ConsecutiveFailures,
    [property: Id(2)] DateTimeOffset? OpensUntil,
    [property: Id(3)] string? ProbeOrderId,
    [property: Id(4)] string? Reason = null);
