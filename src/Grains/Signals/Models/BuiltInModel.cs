using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// A deterministic model over named features: a score computed from the features of the latest
/// bar, squashed into a probability with the logistic function.
/// </summary>
public abstract class BuiltInModel : ISignalModel
{
    public abstract string Id { get; }

    public string Version => "1";

    public abstract IReadOnlyList<string> Features { get; }

    public virtual int BarsNeeded => FeatureSet.BarsNeeded;

    public ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken)
    {
        if (bars.Count < BarsNeeded)
        {
            return ModelPrediction.Waiting($"needs {BarsNeeded} bars, has {bars.Count}");
        }

        var score = Score(FeatureSet.Compute(bars, Features));
        return new(1.0 / (1.0 + Math.Exp(-score)));
    }

    /// <summary>Log-odds that the next bar closes higher, from the features in <see cref="Features"/> order.</summary>
    protected abstract double Score(float[] features);
}
