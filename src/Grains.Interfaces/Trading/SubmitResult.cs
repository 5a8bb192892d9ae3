namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>The order a submit produced; <see cref="Duplicate"/> is true when the client order id was already used.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SubmitResult")]
public sealed record SubmitResult(
    [property: Id(0)] OrderView Order,
    [property: Id(1)] bool Duplicate);
