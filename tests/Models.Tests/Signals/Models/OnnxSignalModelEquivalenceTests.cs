using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.Models.Tests.Signals.Models;

/// <summary>The shipped ONNX graph answers what the ML.NET model it was exported from answers.</summary>
[Trait("Category", "Unit")]
public sealed class OnnxSignalModelEquivalenceTests : IDisposable
{
    private const double Tolerance = 1e-5;
    private const int Rows = 200;

    private readonly OnnxSignalModel _model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
    private readonly MlNetReference _reference;

    public OnnxSignalModelEquivalenceTests()
    {
        _reference = new MlNetReference(RepoFiles.DirectionMlNet, _model.Features.Count);
    }

    [SkippableFact]
    public void Predict_LastEurusdDays_MatchesMlNetWithinTolerance()
    {
        Skip.IfNot(File.Exists(RepoFiles.EurusdCsv), $"the shared EURUSD file {RepoFiles.EurusdCsv} is absent; the synthetic variant still checks the export");
        var bars = CsvBarReader.ReadFile(RepoFiles.EurusdCsv).Bars.ToArray();

        var worst = WorstDifference(bars, bars.Length - Rows, bars.Length);

        Assert.InRange(worst, 0.0, Tolerance);
    }

    [Fact]
    public void Predict_SyntheticBars_MatchesMlNetWithinTolerance()
    {
        var bars = SyntheticBars.Create(FeatureSet.BarsNeeded + Rows + 100).ToArray();

        var worst = WorstDifference(bars, FeatureSet.BarsNeeded, bars.Length);

        Assert.InRange(worst, 0.0, Tolerance);
    }

    [Fact]
    public void Predict_FlatMarket_ImputesNaNFeaturesLikeTheTrainer()
    {
        var bars = SyntheticBars.Create(300).ToArray();
        var flat = new ArraySegment<Bar>(bars, 0, 269);
        var raw = FeatureSet.Compute(flat, _model.Features);

        var prediction = _model.Predict(flat, CancellationToken.None);

        Assert.Contains(raw, float.IsNaN);
        Assert.Equal(_reference.Probability(OnnxFeatures.Compute(flat, _model.Features)), prediction.ProbabilityUp, Tolerance);
    }

    public void Dispose() => _model.Dispose();

    private double WorstDifference(Bar[] bars, int firstEnd, int lastEnd)
    {
        var worst = 0.0;
        for (var end = firstEnd; end < lastEnd; end++)
        {
            var window = new ArraySegment<Bar>(bars, 0, end);
            var served = _model.Predict(window, CancellationToken.None).ProbabilityUp;
            var expected = _reference.Probability(OnnxFeatures.Compute(window, _model.Features));
            Assert.True(double.IsFinite(served), $"prediction for {end} bars is {served}");
            worst = Math.Max(worst, Math.Abs(served - expected));
        }

        return worst;
    }
}
