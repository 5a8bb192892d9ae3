using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>A model's health: breaker, success rate and latency over its window, errors by kind, and direction accuracy.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelHealthView")]
public sealed record ModelHealthView(
    [property: Id(0)] string Id,
    [property: Id(1)] string Version,
    [property: Id(2)] string Kind,
    [property: Id(3)] CircuitState State,
    [property: Id(4)] DateTimeOffset? OpensUntil,
    [property: Id(5)] string? Reason,
    [property: Id(6)] int Inferences,
    [property: Id(7)] int WindowSize,
    [property: Id(8)] double? SuccessRate,
    [property: Id(9)] double? LatencyP50Ms,
    [property: Id(10)] double? LatencyP95Ms,
    [property: Id(11)] double? LatencyP99Ms,
    [property: Id(12)] IReadOnlyDictionary<string, int> Errors,
    [property: Id(13)] double? Accuracy,
    [property: Id(14)] int AccuracySamples,
    [property: Id(15)] string? NotReady);
