namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>One model's part in a fused signal: what it said and how much it counted (weights sum to 1 over the models that answered).</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SignalContribution")]
public sealed record SignalContribution(
    [property: Id(0)] string ModelId,
    [property: Id(1)] InferenceOutcome Outcome,
    [property: Id(2)] double? ProbabilityUp,
    [property: Id(3)] double Weight,
    [property: Id(4)] string? Message);
