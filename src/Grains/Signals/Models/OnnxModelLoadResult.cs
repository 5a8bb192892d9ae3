namespace AriaPro.Grains.Signals.Models;

/// <summary>
/// What <see cref="OnnxSignalModel.LoadDirectory"/> found: the models that loaded and the sidecars
/// that did not. The caller owns (and disposes) the models.
/// </summary>
public sealed record OnnxModelLoadResult(IReadOnlyList<OnnxSignalModel> Models, IReadOnlyList<OnnxModelLoadError> Errors);
