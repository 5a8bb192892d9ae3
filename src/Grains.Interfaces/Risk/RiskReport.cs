namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// Performance and risk metrics of one return series. A metric that is not defined for the series
/// (too few returns, zero deviation, no downside, ...) is null and <see cref="Notes"/> says why,
/// keyed by the metric's camelCase name. VaR figures are positive loss fractions.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.RiskReport")]
public sealed record RiskReport(
    [property: Id(0)] int Count,
    [property: Id(1)] double? AnnualVolatility,
    [property: Id(2)] double? Sharpe,
    [property: Id(3)] double? Sortino,
    [property: Id(4)] double? DownsideRisk,
    [property: Id(5)] double? MaxDrawdown,
    [property: Id(6)] double? AnnualReturn,
    [property: Id(7)] double? Calmar,
    [property: Id(8)] double? Var,
    [property: Id(9)] double? Cvar,
    [property: Id(10)] double? ParametricVar,
    [property: Id(11)] double? CornishFisherVar,
    [property: Id(12)] double? Kelly,
    [property: Id(13)] IReadOnlyDictionary<string, string> Notes);
