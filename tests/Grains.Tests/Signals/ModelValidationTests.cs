using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class ModelValidationTests
{
    [Theory]
    [InlineData("succeed", null)]
    [InlineData("throw", "the test prediction threw InvalidOperationException: deliberate test failure")]
    [InlineData("nan", "the test prediction's probability NaN is not a number in 0..1")]
    public void Problem_ModelAnswer_JudgedLikeALiveInference(string mode, string? expected)
    {
        var model = new SwitchModel("candidate") { Mode = mode };

        var problem = ModelValidation.Problem(model);

        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Problem_ProbabilityAboveOne_Rejected() =>
        Assert.Equal("the test prediction's probability 1.5 is not a number in 0..1", ModelValidation.Problem(new FixedModel(new(1.5))));

    [Fact]
    public void Problem_NotReadyOnTheTestBars_Rejected() =>
        Assert.Equal($"the test prediction on {FeatureSet.BarsNeeded} bars was not ready: wants a tick feed",
            ModelValidation.Problem(new FixedModel(ModelPrediction.Waiting("wants a tick feed"))));

    [Fact]
    public void Bars_Requested_EveryFeatureIsDefinedOnTheLastBar()
    {
        var bars = ModelValidation.Bars(FeatureSet.BarsNeeded);

        var features = FeatureSet.Compute(bars, FeatureSet.Names);

        Assert.Equal(FeatureSet.BarsNeeded, bars.Count);
        Assert.All(features, f => Assert.True(float.IsFinite(f)));
        Assert.Equal(bars, ModelValidation.Bars(FeatureSet.BarsNeeded));
    }

    private sealed class FixedModel(ModelPrediction answer) : ISignalModel
    {
        public string Id => "fixed";

        public string Version => "test";

        public IReadOnlyList<string> Features => [];

        public int BarsNeeded => 1;

        public ModelPrediction Predict(IReadOnlyList<Bar> bars, CancellationToken cancellationToken) => answer;
    }
}
