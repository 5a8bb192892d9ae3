using AriaPro.Grains.Interfaces.Signals;

namespace AriaPro.Grains.Signals.Models;

/// <summary>What a reload found in the models folder: the models that passed, and the files it left out with reasons.</summary>
public sealed record ModelScan(IReadOnlyList<ManifestModel> Valid, IReadOnlyList<RejectedModel> Rejected);
