namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>
/// What a reload did: whether it wrote a new manifest (and if not, why), the manifest the cluster
/// follows now, and the model files it left out with their reasons.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelReloadResult")]
public sealed record ModelReloadResult(
    [property: Id(0)] bool Written,
    [property: Id(1)] string Summary,
    [property: Id(2)] ModelManifest Manifest,
    [property: Id(3)] IReadOnlyList<RejectedModel> Rejected);
