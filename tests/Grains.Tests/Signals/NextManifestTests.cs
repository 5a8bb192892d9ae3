using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.Signals.Models;

namespace AriaPro.Grains.Tests.Signals;

[Trait("Category", "Unit")]
public sealed class NextManifestTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly ManifestModel Direction = new("eurusd-direction", "1", "eurusd-direction.onnx", "aa", "ab");
    private static readonly ManifestModel Carry = new("gbpusd-carry", "3", "gbpusd-carry.onnx", "ca", "cb");
    private static readonly ModelManifest Previous = new(4, 7, Now.AddDays(-1), [Direction, Carry]);

    [Fact]
    public void From_ValidModels_NextVersionUnderTheNewToken()
    {
        var newer = Direction with { Version = "2", Sha256 = "ba" };

        var (manifest, rejected) = NextManifest.From(Previous, new([newer, Carry], []), 9, Now);

        Assert.Equal(new ModelManifest(5, 9, Now, manifest.Models), manifest);
        Assert.Equal([newer, Carry], manifest.Models);
        Assert.Empty(rejected);
    }

    [Fact]
    public void From_FileOfAServedModelNowRejected_KeepsThePreviousEntryAndSaysSo()
    {
        var (manifest, rejected) = NextManifest.From(Previous, new([Carry], [new("eurusd-direction.onnx", null, "protobuf parsing failed")]), 9, Now);

        Assert.Equal([Direction, Carry], manifest.Models);
        Assert.Equal("protobuf parsing failed; kept eurusd-direction v1 of manifest 4", Assert.Single(rejected).Reason);
    }

    [Fact]
    public void From_FilesGone_ModelLeaves()
    {
        var (manifest, _) = NextManifest.From(Previous, new([Carry], []), 9, Now);

        Assert.Equal([Carry], manifest.Models);
    }

    [Fact]
    public void From_RejectedSecondFileOfAnIdThatLoaded_NothingKept()
    {
        var duplicate = new RejectedModel("copy.onnx", "eurusd-direction", "model id 'eurusd-direction' is already loaded from 'eurusd-direction.onnx'");

        var (manifest, rejected) = NextManifest.From(Previous, new([Direction], [duplicate]), 9, Now);

        Assert.Equal([Direction], manifest.Models);
        Assert.Equal(duplicate, Assert.Single(rejected));
    }
}
