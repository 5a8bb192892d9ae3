using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals;

/// <summary>
/// Fuses the models' probabilities into one: a weighted mean over the models that answered, each
/// weighted by its recent direction accuracy (0.5 until scored, floored at 0.05 so a model can earn
/// its way back) times its success rate (1 until known). With no answer the signal is 0.5, no view.
/// </summary>
public static class SignalFusion
{
    private const double MinimumWeight = 0.05;

    public static (double ProbabilityUp, IReadOnlyList<SignalContribution> Contributions) Fuse(IReadOnlyList<ModelInference> inferences)
    {
        var raw = inferences.Select(i => i.Outcome == InferenceOutcome.Success
            ? Math.Max(MinimumWeight, i.Accuracy ?? 0.5) * (i.SuccessRate ?? 1.0)
            : 0.0).ToArray();
        var total = raw.Sum();
        var contributions = inferences.Select((i, k) => new SignalContribution(
            i.ModelId, i.Outcome, i.ProbabilityUp, total > 0.0 ? raw[k] / total : 0.0, i.Message)).ToList();
        var probability = total > 0.0
            ? contributions.Sum(c => c.Weight * (c.ProbabilityUp ?? 0.5))
            : 0.5;
        return (probability, contributions);
    }
}
