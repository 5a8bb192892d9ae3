using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// The ONNX models a silo serves at one moment, never changed once built: a reload builds a new
/// snapshot and swaps it in whole, so a reader sees either the old set or the new one.
/// </summary>
/// <param name="Onnx">The ONNX models by id.</param>
/// <param name="SignalModels">Built-in then ONNX models, the ones every signal fuses.</param>
/// <param name="ManifestVersion">The manifest these models follow; 0 for the folder as loaded at start.</param>
/// <param name="Refused">Models of that manifest this silo would not serve, and why.</param>
internal sealed record CatalogSnapshot(
    IReadOnlyDictionary<string, OnnxSignalModel> Onnx,
    IReadOnlyList<ISignalModel> SignalModels,
    long ManifestVersion,
    IReadOnlyList<RejectedModel> Refused);
