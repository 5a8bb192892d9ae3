using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Locks;
using AriaPro.Grains.Signals;
using AriaPro.Grains.Signals.Features;
using AriaPro.Grains.Signals.Models;
using AriaPro.Grains.Tests.Cluster;

namespace AriaPro.Grains.Tests.Signals;

[Collection(ReloadCollection.Name), Trait("Category", "Integration")]
public sealed class ModelRegistryGrainTests(ReloadClusterFixture fixture)
{
    private const string Id = ModelsFolder.ModelId;
    private static readonly IReadOnlyList<Bar> Bars = ModelValidation.Bars(FeatureSet.BarsNeeded + 10);
    private static readonly byte[] Garbage = [0x42, 0x00, 0xFF, 0x13, 0x37, 0x00, 0x01, 0x08];

    [Fact]
    public async Task Reload_ValidFolder_NextManifestServedByEverySilo()
    {
        var before = await fixture.Restore();
        var now = fixture.Time.GetUtcNow();

        var result = await fixture.Registry.Reload();
        await fixture.EverySiloFollows(result.Manifest.Version);
        var stored = await fixture.Registry.GetManifest();

        Assert.True(result.Written);
        Assert.Equal(before.Manifest.Version + 1, result.Manifest.Version);
        Assert.True(result.Manifest.FencingToken > before.Manifest.FencingToken);
        Assert.Equal(now, result.Manifest.WrittenAt);
        var model = Assert.Single(result.Manifest.Models);
        Assert.Equal((Id, "1", "eurusd-direction.onnx", ModelsFolder.ShippedSha256), (model.Id, model.Version, model.FileName, model.Sha256));
        Assert.Empty(result.Rejected);
        Assert.Equal((result.Manifest.Version, result.Manifest.FencingToken), (stored.Version, stored.FencingToken));
        Assert.Equal(result.Manifest.Models, stored.Models);
        Assert.All(fixture.Catalogs, c => Assert.Equal(ModelsFolder.ShippedSha256, Assert.IsType<OnnxSignalModel>(c.Find(Id)?.Model).Sha256));
    }

    [Fact]
    public async Task Reload_CorruptModelBesideAGoodOne_RejectedWithAReasonAndLeftOut()
    {
        await fixture.Restore();
        File.WriteAllText(fixture.Models.PathOf("broken.json"), File.ReadAllText(fixture.Models.PathOf(Id + ".json")).Replace($"\"{Id}\"", "\"broken\"", StringComparison.Ordinal));
        File.WriteAllBytes(fixture.Models.PathOf("broken.onnx"), Garbage);

        var result = await fixture.Registry.Reload();
        await fixture.EverySiloFollows(result.Manifest.Version);

        Assert.True(result.Written);
        Assert.Equal([Id], result.Manifest.Models.Select(m => m.Id));
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal("broken.onnx", rejected.FileName);
        Assert.Contains("broken.onnx", rejected.Reason, StringComparison.Ordinal);
        Assert.All(fixture.Catalogs, c => Assert.Null(c.Find("broken")));
    }

    [Fact]
    public async Task Reload_GoodModelOverwrittenWithGarbage_KeepsServingTheGoodModel()
    {
        var before = await fixture.Restore();
        File.WriteAllBytes(fixture.Models.PathOf(Id + ".onnx"), Garbage);

        var result = await fixture.Registry.Reload();
        await fixture.EverySiloFollows(result.Manifest.Version);
        var inference = await fixture.Grains.GetGrain<IModelGrain>(Id).Infer("EURUSD", Bars);

        Assert.True(result.Written);
        Assert.Equal(before.Manifest.Models, result.Manifest.Models);
        var rejected = Assert.Single(result.Rejected);
        Assert.Equal(Id + ".onnx", rejected.FileName);
        Assert.EndsWith($"; kept {Id} v1 of manifest {before.Manifest.Version}", rejected.Reason, StringComparison.Ordinal);
        Assert.Equal(InferenceOutcome.Success, inference.Outcome);
    }

    [Fact]
    public async Task Reload_ModelFilesRemoved_ModelGrainSkipsItWithAMessage()
    {
        await fixture.Restore();
        File.Delete(fixture.Models.PathOf(Id + ".onnx"));
        File.Delete(fixture.Models.PathOf(Id + ".json"));

        var result = await fixture.Registry.Reload();
        await fixture.EverySiloFollows(result.Manifest.Version);
        var inference = await fixture.Grains.GetGrain<IModelGrain>(Id).Infer("EURUSD", Bars);
        var health = await fixture.Grains.GetGrain<IModelGrain>(Id).GetHealth();

        Assert.Empty(result.Manifest.Models);
        Assert.Equal(InferenceOutcome.Skipped, inference.Outcome);
        Assert.Contains($"model '{Id}' is not loaded on this silo (model manifest {result.Manifest.Version})", inference.Message, StringComparison.Ordinal);
        Assert.Equal("not loaded", health.Kind);
        Assert.All(fixture.Catalogs, c => Assert.DoesNotContain(c.SignalModels, m => m.Id == Id));
    }

    [Fact]
    public async Task Reload_AnotherReloadHoldsTheLock_GivesUpWithLockUnavailable()
    {
        var before = await fixture.Restore();
        await using var other = await fixture.Locks.AcquireAsync(ModelRegistryGrain.ReloadLock, ModelRegistryGrain.ReloadLease, TimeSpan.Zero);

        var reload = fixture.Registry.Reload();
        var whileWaiting = await fixture.Registry.GetManifest().WaitAsync(TimeSpan.FromSeconds(5));
        await Eventually.True(
            () =>
            {
                fixture.Time.Advance(TimeSpan.FromSeconds(1));
                return reload.IsCompleted;
            },
            "the second reload to give up waiting for the lock");

        var refused = await Assert.ThrowsAsync<LockUnavailableException>(() => reload);
        Assert.Equal(before.Manifest.Version, whileWaiting.Version);
        Assert.Equal(ModelRegistryGrain.ReloadLock, refused.LockName);
        Assert.Contains("lock 'models:reload' is held by another holder; gave up after 10.0s", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before.Manifest.Version, (await fixture.Registry.GetManifest()).Version);
    }

    [Fact]
    public async Task Reload_StaleFencingToken_WritesNothing()
    {
        var before = await fixture.Restore();
        var stale = before.Manifest.FencingToken - 1;
        fixture.Locks.NextHandleCarries(stale);

        var result = await fixture.Registry.Reload();

        Assert.False(result.Written);
        Assert.StartsWith($"fencing token {stale} is not newer than {before.Manifest.FencingToken}", result.Summary, StringComparison.Ordinal);
        Assert.Equal(before.Manifest.Version, (await fixture.Registry.GetManifest()).Version);
    }

    [Fact]
    public async Task Reload_ModelsFolderMissing_WritesNothing()
    {
        var before = await fixture.Restore();
        var away = fixture.Models.Directory + "-away";
        Directory.Move(fixture.Models.Directory, away);

        ModelReloadResult result;
        try
        {
            result = await fixture.Registry.Reload();
        }
        finally
        {
            Directory.Move(away, fixture.Models.Directory);
        }

        Assert.False(result.Written);
        Assert.StartsWith($"no models folder at {fixture.Models.Directory}", result.Summary, StringComparison.Ordinal);
        Assert.Equal(before.Manifest.Version, (await fixture.Registry.GetManifest()).Version);
        Assert.All(fixture.Catalogs, c => Assert.NotNull(c.Find(Id)));
    }
}
