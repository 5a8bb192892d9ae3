namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// A trader's question before it sends an order: may the symbol's exposure move from
/// <see cref="CurrentQuantity"/> to <see cref="ProjectedQuantity"/> lots (the worst case with the
/// working orders and this one filled) at about <see cref="Price"/>?
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RiskCheck")]
public sealed record RiskCheck(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal CurrentQuantity,
    [property: Id(2)] decimal ProjectedQuantity,
    [property: Id(3)] decimal Price);
