using AriaPro.Core.Trading;
using AriaPro.Grains.Trading;

namespace AriaPro.Grains.Signals.Health;

/// <summary>Persisted health of one model, so a restart does not forget a broken model.</summary>
[GenerateSerializer, Alias("AriaPro.ModelHealthState")]
public sealed class ModelHealthState
{
    /// <summary>The latest inferences, oldest first, at most AI_PERFORMANCE_WINDOW.</summary>
    [Id(0)] public List<InferenceSample> Window { get; set; } = [];

    /// <summary>The model's circuit breaker.</summary>
    [Id(1)] public CircuitBreakerState Breaker { get; set; } = new();

    /// <summary>Whether each scored prediction's direction matched the next bar, oldest first.</summary>
    [Id(2)] public List<bool> Hits { get; set; } = [];

    /// <summary>The last prediction per symbol, waiting for its next bar.</summary>
    [Id(3)] public Dictionary<string, PendingPrediction> Pending { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Why the model last could not predict, if it could not.</summary>
    [Id(4)] public string? NotReady { get; set; }

    /// <summary>Inferences run so far, used to name each one for the breaker's probe.</summary>
    [Id(5)] public long Sequence { get; set; }
}
