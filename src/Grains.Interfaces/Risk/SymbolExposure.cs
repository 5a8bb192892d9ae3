namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>One symbol's exposure in the account currency and its Kelly sizing.</summary>
[GenerateSerializer, Immutable, Alias("AriaPro.SymbolExposure")]
public sealed record SymbolExposure(
    [property: Id(0)] string Symbol,
    [property: Id(1)] decimal Quantity,
    [property: Id(2)] decimal MarkPrice,
    [property: Id(3)] decimal Notional,
    [property: Id(4)] decimal RealizedPnl,
    [property: Id(5)] decimal UnrealizedPnl,
    [property: Id(6)] KellySizing Kelly);
