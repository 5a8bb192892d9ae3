namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>One model's answer for a symbol, with the health figures the fusion weighs it by.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelInference")]
public sealed record ModelInference(
    [property: Id(0)] string ModelId,
    [property: Id(1)] InferenceOutcome Outcome,
    [property: Id(2)] double? ProbabilityUp,
    [property: Id(3)] string? Message,
    [property: Id(4)] double? SuccessRate,
    [property: Id(5)] double? Accuracy,
    [property: Id(6)] double LatencyMs);
