namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>One ONNX model of the manifest: its id and version (from the sidecar), its file, and the SHA-256 of the graph and of the sidecar.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ManifestModel")]
public sealed record ManifestModel(
    [property: Id(0)] string Id,
    [property: Id(1)] string Version,
    [property: Id(2)] string FileName,
    [property: Id(3)] string Sha256,
    [property: Id(4)] string SidecarSha256);
