namespace AriaPro.Grains.Signals.Models;

/// <summary>A sidecar that could not be loaded, and why.</summary>
public sealed record OnnxModelLoadError(string SidecarPath, string Message);
