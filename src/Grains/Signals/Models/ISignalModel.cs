using AriaPro.Grains.Interfaces.MarketData;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// One signal model: from a symbol's bars (oldest first) it predicts the probability that the next
/// bar closes higher. Implementations are pure and thread-safe; the model grain calls them off its
/// scheduler under a timeout and judges their health.
/// </summary>
public interface ISignalModel
{
    /// <summary>Stable id, the model grain's key (lower case, e.g. <c>trend</c>).</summary>
    string Id { get; }

    /// <summary>Version of the model's logic or weights.</summary>
    string Version { get; }

    /// <summary>Names of the features it reads (see <see cref="Features.FeatureSet"/>).</summary>
    IReadOnlyList<string> Features { get; }

    /// <summary>Bars it needs for one prediction.</summary>
    int BarsNeeded { get; }

    /// <summary>The prediction; <see cref="ModelPrediction.NotReady"/> when there are too few bars.</summary>
    ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken);
}
