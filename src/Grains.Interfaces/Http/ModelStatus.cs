using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Http;

/// <summary>One model's breaker and health.</summary>
public sealed record ModelStatus(string Id, CircuitState Breaker, double? SuccessRate, string? Reason);
