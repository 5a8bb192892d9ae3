namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// The portfolio's risk as a risk officer reads it; money in <see cref="AccountCurrency"/>.
/// <see cref="VarAmount"/> and <see cref="CvarAmount"/> are the book's 1-day VaR and CVaR
/// (<see cref="Book"/>, the figure the pre-trade budget holds orders to); <see cref="Metrics"/> are the
/// return-series metrics of the portfolio's own daily equity, <see cref="Intraday"/> the same
/// metrics over its intraday equity samples, annualised as <see cref="IntradayBasis"/> says.
/// <see cref="ExposureVar"/> is the catalog figure (annual volatility / √252, correlation 1), kept
/// beside the observed one for comparison.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.PortfolioRisk")]
public sealed record PortfolioRisk(
    [property: Id(0)] RiskReport Metrics,
    [property: Id(1)] double VarConfidence,
    [property: Id(2)] double CvarConfidence,
    [property: Id(3)] int Returns,
    [property: Id(4)] string AccountCurrency,
    [property: Id(5)] decimal Capital,
    [property: Id(6)] decimal Equity,
    [property: Id(7)] decimal RealizedPnl,
    [property: Id(8)] decimal UnrealizedPnl,
    [property: Id(9)] decimal? VarAmount,
    [property: Id(10)] decimal? CvarAmount,
    [property: Id(11)] decimal ExposureVar,
    [property: Id(12)] double ExposureVarBudget,
    [property: Id(13)] IReadOnlyList<SymbolExposure> Exposures,
    [property: Id(14)] DateTimeOffset? LastDayClosed,
    [property: Id(15)] string ReturnsSource,
    [property: Id(16)] BookRisk Book,
    [property: Id(17)] RiskReport Intraday,
    [property: Id(18)] string IntradayBasis,
    [property: Id(19)] LossLimitsView Limits);
