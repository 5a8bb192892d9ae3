using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class SignalFusionTests
{
    [Fact]
    public void Fuse_WeightsByAccuracyTimesSuccessRate()
    {
        ModelInference[] inferences =
        [
            new("a", InferenceOutcome.Success, 0.8, null, 1.0, 0.75, 1.0),
            new("b", InferenceOutcome.Success, 0.2, null, 0.5, 0.5, 1.0),
        ];

        var (probability, contributions) = SignalFusion.Fuse(inferences);

        Assert.Equal(0.75, contributions[0].Weight, 12);
        Assert.Equal(0.25, contributions[1].Weight, 12);
        Assert.Equal(0.75 * 0.8 + 0.25 * 0.2, probability, 12);
    }

    [Fact]
    public void Fuse_FailedOrSkippedModels_CountForNothing()
    {
        ModelInference[] inferences =
        [
            new("a", InferenceOutcome.Success, 0.9, null, null, null, 1.0),
            new("b", InferenceOutcome.Timeout, null, "slow", 0.0, null, 2000.0),
            new("c", InferenceOutcome.Skipped, null, "switched off", 0.1, 0.9, 0.0),
        ];

        var (probability, contributions) = SignalFusion.Fuse(inferences);

        Assert.Equal(0.9, probability, 12);
        Assert.Equal([1.0, 0.0, 0.0], contributions.Select(c => c.Weight));
    }

    [Fact]
    public void Fuse_NoAnswers_IsNoView() => Assert.Equal(0.5, SignalFusion.Fuse([]).ProbabilityUp);

    [Fact]
    public void Fuse_ZeroAccuracy_StillKeepsAFloorWeight()
    {
        ModelInference[] inferences = [new("a", InferenceOutcome.Success, 0.3, null, 1.0, 0.0, 1.0)];

        Assert.Equal(0.3, SignalFusion.Fuse(inferences).ProbabilityUp, 12);
    }
}
