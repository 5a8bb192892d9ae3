namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>Every model's health, the analysis interval each symbol runs at now (seconds), and the version of the cluster's model manifest.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelsView")]
public sealed record ModelsView(
    [property: Id(0)] IReadOnlyList<ModelHealthView> Models,
    [property: Id(1)] IReadOnlyDictionary<string, double> AnalysisIntervalSeconds,
    [property: Id(2)] long ManifestVersion);
