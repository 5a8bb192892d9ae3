using System.Security.Cryptography;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.Models.Tests.Signals.Models;

[Trait("Category", "Unit")]
public sealed class OnnxSignalModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("aria-onnx-").FullName;

    [Fact]
    public void LoadDirectory_RepoModels_LoadsTheShippedModel()
    {
        var result = OnnxSignalModel.LoadDirectory(RepoFiles.ModelsDirectory);

        using var model = Assert.Single(result.Models);
        Assert.Empty(result.Errors);
        Assert.Equal("eurusd-direction", model.Id);
        Assert.Equal("1", model.Version);
        Assert.Equal(FeatureSet.BarsNeeded, model.BarsNeeded);
        Assert.All(model.Features, f => Assert.Contains(f, FeatureSet.Names));
    }

    [Fact]
    public void Predict_TooFewBars_ReturnsWaiting()
    {
        using var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        var bars = SyntheticBars.Create(FeatureSet.BarsNeeded - 1);

        var prediction = model.Predict(bars, CancellationToken.None);

        Assert.True(double.IsNaN(prediction.ProbabilityUp));
        Assert.Equal($"needs {FeatureSet.BarsNeeded} bars, has {FeatureSet.BarsNeeded - 1}", prediction.NotReady);
    }

    [Fact]
    public void Predict_EnoughBars_ReturnsAProbability()
    {
        using var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);

        var prediction = model.Predict(SyntheticBars.Create(FeatureSet.BarsNeeded), CancellationToken.None);

        Assert.Null(prediction.NotReady);
        Assert.InRange(prediction.ProbabilityUp, 0.0, 1.0);
    }

    [Fact]
    public void Predict_ConcurrentCalls_AgreeWithSequentialCalls()
    {
        using var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        var bars = SyntheticBars.Create(400).ToArray();
        var ends = Enumerable.Range(FeatureSet.BarsNeeded, 300).ToArray();
        var sequential = ends.Select(e => model.Predict(new ArraySegment<Grains.Interfaces.MarketData.Bar>(bars, 0, e), CancellationToken.None).ProbabilityUp).ToArray();

        var concurrent = new double[ends.Length];
        Parallel.For(0, ends.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            concurrent[i] = model.Predict(new ArraySegment<Grains.Interfaces.MarketData.Bar>(bars, 0, ends[i]), CancellationToken.None).ProbabilityUp);

        Assert.Equal(sequential, concurrent);
    }

    [Fact]
    public void LoadDirectory_BrokenSidecars_ReportsThemAndLoadsTheRest()
    {
        CopyShippedModel("good");
        CopyShippedModel("not-json");
        File.WriteAllText(Path.Combine(_directory, "not-json.json"), "{ this is not json");
        CopyShippedModel("unknown-feature");
        File.WriteAllText(Path.Combine(_directory, "unknown-feature.json"), File.ReadAllText(RepoFiles.DirectionSidecar).Replace("\"ret_1\"", "\"ret_2\""));
        CopyShippedModel("wrong-output");
        File.WriteAllText(Path.Combine(_directory, "wrong-output.json"), File.ReadAllText(RepoFiles.DirectionSidecar).Replace("Probability.output", "Odds.output"));
        File.WriteAllText(Path.Combine(_directory, "notes.json"), "{}");

        var result = OnnxSignalModel.LoadDirectory(_directory);

        using var model = Assert.Single(result.Models);
        Assert.Equal("good.onnx", Path.GetFileName(model.ModelPath));
        Assert.Collection(
            result.Errors,
            e => Assert.Equal(("not-json.json", true), (Path.GetFileName(e.SidecarPath), e.Message.Contains("is not valid", StringComparison.Ordinal))),
            e => Assert.Equal(("unknown-feature.json", true), (Path.GetFileName(e.SidecarPath), e.Message.Contains("feature 'ret_2' is unknown", StringComparison.Ordinal))),
            e => Assert.Equal(("wrong-output.json", true), (Path.GetFileName(e.SidecarPath), e.Message.Contains("no output 'Odds.output'", StringComparison.Ordinal))));
    }

    [Fact]
    public void LoadDirectory_TwoFilesOneId_KeepsTheFirstAndReportsTheOther()
    {
        CopyShippedModel("a");
        CopyShippedModel("b");

        var result = OnnxSignalModel.LoadDirectory(_directory);

        using var model = Assert.Single(result.Models);
        Assert.Equal("a.onnx", Path.GetFileName(model.ModelPath));
        var error = Assert.Single(result.Errors);
        Assert.Equal("b.json", Path.GetFileName(error.SidecarPath));
    }

    [Fact]
    public void Load_ShippedModel_HashesAreTheFilesSha256()
    {
        using var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.ChangeExtension(RepoFiles.DirectionSidecar, ".onnx")))), model.Sha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepoFiles.DirectionSidecar))), model.SidecarSha256);
    }

    [Fact]
    public async Task Dispose_WhileAPredictionRuns_PredictionCompletesThenTheSessionIsFreed()
    {
        var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        using var bars = new GatedBars(SyntheticBars.Create(FeatureSet.BarsNeeded));
        var running = Task.Run(() => model.Predict(bars, CancellationToken.None));
        await bars.Reading.WaitAsync(TimeSpan.FromSeconds(10));

        model.Dispose();
        var freedWhileRunning = model.IsDisposed;
        bars.Open();
        var prediction = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(freedWhileRunning);
        Assert.InRange(prediction.ProbabilityUp, 0.0, 1.0);
        Assert.True(model.IsDisposed);
    }

    [Fact]
    public void Predict_AfterDispose_AnswersNotReadyInsteadOfTouchingTheSession()
    {
        var model = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        model.Dispose();

        var prediction = model.Predict(SyntheticBars.Create(FeatureSet.BarsNeeded), CancellationToken.None);

        Assert.True(model.IsDisposed);
        Assert.Equal("model eurusd-direction v1 was retired by a model reload", prediction.NotReady);
    }

    [Fact]
    public void Load_MissingOnnx_ThrowsFileNotFound()
    {
        var sidecar = Path.Combine(_directory, "alone.json");
        File.Copy(RepoFiles.DirectionSidecar, sidecar);

        var error = Assert.Throws<FileNotFoundException>(() => OnnxSignalModel.Load(sidecar));

        Assert.Contains("alone.onnx", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private void CopyShippedModel(string name)
    {
        File.Copy(Path.ChangeExtension(RepoFiles.DirectionSidecar, ".onnx"), Path.Combine(_directory, name + ".onnx"));
        File.Copy(RepoFiles.DirectionSidecar, Path.Combine(_directory, name + ".json"));
    }
}
