namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// The Kelly recommendation for a symbol: the discrete p - (1 - p) / b of its closed trades when
/// there are enough of them, else the portfolio's continuous mean / variance, else half the cap;
/// <see cref="Source"/> says which. <see cref="Fraction"/> is clamped to [0, RISK_KELLY_MAX_SIZE].
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.KellySizing")]
public sealed record KellySizing(
    [property: Id(0)] int Wins,
    [property: Id(1)] int Losses,
    [property: Id(2)] double? DiscreteKelly,
    [property: Id(3)] double Fraction,
    [property: Id(4)] string Source,
    [property: Id(5)] decimal Lots);
