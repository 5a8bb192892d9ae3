namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>A model file a reload left out, the id its sidecar claims (when readable), and why.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RejectedModel")]
public sealed record RejectedModel(
    [property: Id(0)] string FileName,
    [property: Id(1)] string? Id,
    [property: Id(2)] string Reason);
