using AriaPro.Grains.Interfaces.Security;
using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>
/// The cluster's model manifest (key 0): which ONNX models every silo serves, by id, version and
/// SHA-256. A reload runs once across the cluster under the <c>models:reload</c> lock; every silo
/// polls the manifest and follows it.
/// </summary>
[Alias("AriaPro.IModelRegistryGrain")]
public interface IModelRegistryGrain : IGrainWithIntegerKey
{
    /// <summary>The key of the one registry.</summary>
    const long Cluster = 0;

    /// <summary>Scans and validates the models folder, writes the next manifest and applies it to this silo.</summary>
    [Alias("Reload"), CallerRole(AriaRoles.Admin, Endpoint = "POST /ai/models/reload")]
    Task<ModelReloadResult> Reload();

    /// <summary>The current manifest (the last one persisted); version 0 before the first reload. Answers while a reload runs.</summary>
    [Alias("GetManifest"), AlwaysInterleave, CallerRole(AriaRoles.Viewer)]
    Task<ModelManifest> GetManifest();
}
