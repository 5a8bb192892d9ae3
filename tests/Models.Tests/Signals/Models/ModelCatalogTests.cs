using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AriaPro.Models.Tests.Signals.Models;

[Trait("Category", "Unit")]
public sealed class ModelCatalogTests : IDisposable
{
    private const string Id = "eurusd-direction";
    private readonly TempModels _folder = new();

    [Fact]
    public void Apply_ManifestMatchesTheHeldModel_KeepsTheSameInstance()
    {
        _folder.CopyShipped(Id);
        using var catalog = Catalog();
        var held = Onnx(catalog);

        var applied = catalog.Apply(Manifest(1, Entry(held)));

        Assert.True(applied);
        Assert.Same(held, Onnx(catalog));
        Assert.False(held.IsDisposed);
        Assert.Equal(1, catalog.ManifestVersion);
        Assert.Empty(catalog.Refused);
    }

    [Fact]
    public void Apply_NewModelInTheManifest_LoadedFromThisSilosFolder()
    {
        using var catalog = Catalog();
        _folder.CopyShipped(Id);

        catalog.Apply(Manifest(1, ShippedEntry()));

        Assert.Equal("onnx", catalog.Find(Id)?.Kind);
        Assert.Contains(catalog.SignalModels, m => m.Id == Id);
        Assert.Equal(ShippedEntry().Sha256, Onnx(catalog).Sha256);
    }

    [Fact]
    public void Apply_FileChangedAfterTheManifestWasWritten_RefusedAndNotServed()
    {
        using var catalog = Catalog();
        _folder.CopyShipped(Id, s => s.Replace("SDCA logistic regression", "SDCA logistic regression, retrained", StringComparison.Ordinal));

        catalog.Apply(Manifest(1, ShippedEntry()));

        var refusal = Assert.Single(catalog.Refused);
        Assert.Equal(Id, refusal.Id);
        Assert.Contains("differ from the manifest", refusal.Reason, StringComparison.Ordinal);
        Assert.Null(catalog.Find(Id));
        Assert.DoesNotContain(catalog.SignalModels, m => m.Id == Id);
        Assert.Equal(1, catalog.ManifestVersion);
    }

    [Fact]
    public void Apply_FileDiffersFromTheManifest_KeepsThePreviousCopy()
    {
        _folder.CopyShipped(Id);
        using var catalog = Catalog();
        var held = Onnx(catalog);

        catalog.Apply(Manifest(1, Entry(held) with { Sha256 = new string('0', 64) }));

        Assert.Contains("differ from the manifest", Assert.Single(catalog.Refused).Reason, StringComparison.Ordinal);
        Assert.Same(held, Onnx(catalog));
        Assert.False(held.IsDisposed);
    }

    [Fact]
    public async Task Apply_ModelLeavesWhileAPredictionRuns_SessionFreedOnlyAfterIt()
    {
        _folder.CopyShipped(Id);
        using var catalog = Catalog();
        var retired = Onnx(catalog);
        using var bars = new GatedBars(SyntheticBars.Create(FeatureSet.BarsNeeded));
        var running = Task.Run(() => retired.Predict(bars, CancellationToken.None));
        await bars.Reading.WaitAsync(TimeSpan.FromSeconds(10));

        catalog.Apply(Manifest(1));
        var freedWhileRunning = retired.IsDisposed;
        bars.Open();
        var prediction = await running.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Null(catalog.Find(Id));
        Assert.False(freedWhileRunning);
        Assert.InRange(prediction.ProbabilityUp, 0.0, 1.0);
        Assert.True(retired.IsDisposed);
    }

    [Fact]
    public void Apply_ManifestNotNewer_ChangesNothing()
    {
        _folder.CopyShipped(Id);
        using var catalog = Catalog();
        catalog.Apply(Manifest(2, ShippedEntry()));

        var applied = catalog.Apply(Manifest(1));

        Assert.False(applied);
        Assert.Equal(2, catalog.ManifestVersion);
        Assert.NotNull(catalog.Find(Id));
    }

    public void Dispose() => _folder.Dispose();

    private ModelCatalog Catalog() =>
        new(Options.Create(new ModelHealthOptions { ModelsDirectory = _folder.Directory }), [], NullLogger<ModelCatalog>.Instance);

    private static OnnxSignalModel Onnx(ModelCatalog catalog) => Assert.IsType<OnnxSignalModel>(catalog.Find(Id)?.Model);

    private static ModelManifest Manifest(long version, params ManifestModel[] models) => new(version, version, DateTimeOffset.UnixEpoch, models);

    private static ManifestModel Entry(OnnxSignalModel model) => new(model.Id, model.Version, Id + ".onnx", model.Sha256, model.SidecarSha256);

    private static ManifestModel ShippedEntry()
    {
        using var shipped = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        return Entry(shipped);
    }
}
