namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// What a flatten did to one symbol: the working orders it cancelled, the position it found, and
/// the market order that closes it (null when the symbol was flat). The order is a flatten order
/// (<see cref="OrderSources.Flatten"/>): it passes every stop because it only reduces.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.FlattenResult")]
public sealed record FlattenResult(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Position,
    [property: Id(2)] IReadOnlyList<string> Cancelled,
    [property: Id(3)] OrderView? Order);
