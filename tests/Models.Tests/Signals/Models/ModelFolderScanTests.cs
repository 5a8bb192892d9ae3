using AriaPro.Grains.Signals.Models;

namespace AriaPro.Models.Tests.Signals.Models;

[Trait("Category", "Unit")]
public sealed class ModelFolderScanTests : IDisposable
{
    private readonly TempModels _folder = new();

    [Fact]
    public async Task ScanAsync_ShippedModel_ValidWithItsFilesHashes()
    {
        _folder.CopyShipped("eurusd-direction");

        var scan = await Scan();

        var model = Assert.Single(scan.Valid);
        using var shipped = OnnxSignalModel.Load(RepoFiles.DirectionSidecar);
        Assert.Equal(("eurusd-direction", "1", "eurusd-direction.onnx"), (model.Id, model.Version, model.FileName));
        Assert.Equal((shipped.Sha256, shipped.SidecarSha256), (model.Sha256, model.SidecarSha256));
        Assert.Empty(scan.Rejected);
    }

    [Fact]
    public async Task ScanAsync_GarbageOnnxWithAValidSidecar_RejectedWithTheReason()
    {
        _folder.CopyShipped("eurusd-direction");
        _folder.CopyShipped("broken", s => s.Replace("\"eurusd-direction\"", "\"broken\"", StringComparison.Ordinal));
        File.WriteAllBytes(_folder.PathOf("broken.onnx"), [0x42, 0x00, 0xFF, 0x13, 0x37, 0x00, 0x01]);

        var scan = await Scan();

        Assert.Equal("eurusd-direction", Assert.Single(scan.Valid).Id);
        var rejected = Assert.Single(scan.Rejected);
        Assert.Equal("broken.onnx", rejected.FileName);
        Assert.Contains($"The ONNX model '{_folder.PathOf("broken.onnx")}' could not be loaded", rejected.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScanAsync_OnnxWithoutSidecar_Rejected()
    {
        _folder.CopyShipped("alone");
        File.Delete(_folder.PathOf("alone.json"));

        var scan = await Scan();

        Assert.Empty(scan.Valid);
        Assert.Equal("no sidecar 'alone.json' next to it", Assert.Single(scan.Rejected).Reason);
    }

    [Fact]
    public async Task ScanAsync_SecondFileWithTheSameId_Rejected()
    {
        _folder.CopyShipped("a");
        _folder.CopyShipped("b");

        var scan = await Scan();

        Assert.Equal("a.onnx", Assert.Single(scan.Valid).FileName);
        var rejected = Assert.Single(scan.Rejected);
        Assert.Equal(("b.onnx", "model id 'eurusd-direction' is already loaded from 'a.onnx'"), (rejected.FileName, rejected.Reason));
    }

    [Fact]
    public async Task ScanAsync_IdOfABuiltInModel_Rejected()
    {
        _folder.CopyShipped("trend", s => s.Replace("\"eurusd-direction\"", "\"trend\"", StringComparison.Ordinal));

        var scan = await Scan();

        Assert.Empty(scan.Valid);
        Assert.Equal("id 'trend' belongs to a built-in or registered model", Assert.Single(scan.Rejected).Reason);
    }

    public void Dispose() => _folder.Dispose();

    private Task<ModelScan> Scan() =>
        ModelFolderScan.ScanAsync(_folder.Directory, id => id == "trend", TimeSpan.FromSeconds(30), TimeProvider.System);
}
