using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals;

/// <summary>Persisted state of the model registry: the cluster's model manifest.</summary>
[GenerateSerializer, Alias("AriaPro.ModelManifestState")]
public sealed class ModelManifestState
{
    /// <summary>1, 2, ... for each manifest written; 0 before the first reload.</summary>
    [Id(0)] public long Version { get; set; }

    /// <summary>Fencing token of the <c>models:reload</c> lock under which the manifest was written.</summary>
    [Id(1)] public long FencingToken { get; set; }

    /// <summary>When the manifest was written.</summary>
    [Id(2)] public DateTimeOffset? WrittenAt { get; set; }

    /// <summary>The ONNX models every silo serves, by id.</summary>
    [Id(3)] public List<ManifestModel> Models { get; set; } = [];

    /// <summary>The state as the wire record.</summary>
    public ModelManifest ToManifest() => new(Version, FencingToken, WrittenAt, [.. Models]);
}
