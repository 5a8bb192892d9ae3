namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>Every model's health, and the analysis interval each symbol runs at now (seconds).</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ModelsView")]
public sealed record ModelsView(
    [property: Id(0)] IReadOnlyList<ModelHealthView> Models,
    [property: Id(1)] IReadOnlyDictionary<string, double> AnalysisIntervalSeconds);
