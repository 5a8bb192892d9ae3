using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals.Health;

/// <summary>One recorded inference: its outcome, how long it took, and the error's kind when it failed.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.InferenceSample")]
public sealed record InferenceSample(
    [property: Id(0)] InferenceOutcome Outcome,
    [property: Id(1)] double LatencyMs,
    [property: Id(2)] string? ErrorKind);
