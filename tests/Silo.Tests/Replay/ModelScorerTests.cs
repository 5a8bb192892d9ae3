using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Replay;

namespace AriaPro.Silo.Tests.Replay;

[Trait("Category", "Unit")]
public sealed class ModelScorerTests
{
    [Fact]
    public void Observe_CallsScoredAgainstTheNextClose_CountsHitsAndSkipsUnscorableCalls()
    {
        var scorer = new ModelScorer();

        scorer.Observe(1.10m, [Call("up", 0.7), Call("down", 0.2), Call("flat", 0.5), Missing("broken")]);
        scorer.Observe(1.12m, [Call("up", 0.6), Call("down", 0.4), Call("flat", 0.5), Missing("broken")]);
        scorer.Observe(1.12m, [Call("up", 0.6), Call("down", 0.4), Call("flat", 0.5), Missing("broken")]);
        scorer.Observe(1.11m, [Call("up", 0.6), Call("down", 0.4), Call("flat", 0.5), Missing("broken")]);

        Assert.Equal(
            [new("up", 4, 2, 1), new("down", 4, 2, 1), new("flat", 4, 0, 0), new("broken", 0, 0, 0)],
            scorer.Results());
        Assert.Equal(0.5, scorer.Results()[0].Accuracy);
        Assert.Null(scorer.Results()[2].Accuracy);
    }

    private static SignalContribution Call(string model, double probabilityUp) => new(model, InferenceOutcome.Success, probabilityUp, 0.25, null);

    private static SignalContribution Missing(string model) => new(model, InferenceOutcome.Error, null, 0.0, "Error: InvalidOperationException");
}
