namespace AriaPro.Grains.Signals.Health;

/// <summary>A direction a model predicted for a symbol, waiting for the next bar to score it.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.PendingPrediction")]
public sealed record PendingPrediction(
    [property: Id(0)] DateTimeOffset BarTime,
    [property: Id(1)] decimal Close,
    [property: Id(2)] bool Up);
