namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>
/// What the cluster serves besides the built-in models: version 1, 2, ... (0 before the first
/// reload), the fencing token of the reload that wrote it, when, and every ONNX model.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelManifest")]
public sealed record ModelManifest(
    [property: Id(0)] long Version,
    [property: Id(1)] long FencingToken,
    [property: Id(2)] DateTimeOffset? WrittenAt,
    [property: Id(3)] IReadOnlyList<ManifestModel> Models)
{
    /// <summary>The manifest before any reload: every silo serves its own folder.</summary>
    public static ModelManifest None { get; } = new(0, 0, null, []);
}
