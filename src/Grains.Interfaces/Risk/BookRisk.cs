namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// What the book held now can lose in a day, as positive loss amounts in the account currency.
/// <see cref="Method"/> is <c>historical simulation</c> when every held symbol has a return window
/// of at least the minimum length: each of the last <see cref="Scenarios"/> days' returns of every
/// symbol applied to today's positions, the window ending on <see cref="WindowEnd"/>; VaR at the VaR
/// confidence and CVaR at the CVaR confidence are read off those scenarios, the parametric and
/// Cornish-Fisher VaR from their moments. Otherwise it is <c>catalog volatility, correlation 1</c>,
/// the fallback, and <see cref="Fallback"/> says why; only <see cref="Var"/> is then defined and the
/// other amounts equal it. A flat book has every amount 0.
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.BookRisk")]
public sealed record BookRisk(
    [property: Id(0)] string Method,
    [property: Id(1)] int Scenarios,
    [property: Id(2)] int LookbackDays,
    [property: Id(3)] DateOnly? WindowEnd,
    [property: Id(4)] DateTimeOffset AsOf,
    [property: Id(5)] decimal Var,
    [property: Id(6)] decimal Cvar,
    [property: Id(7)] decimal ParametricVar,
    [property: Id(8)] decimal CornishFisherVar,
    [property: Id(9)] double VarOfEquity,
    [property: Id(10)] double CvarOfEquity,
    [property: Id(11)] string? Fallback,
    [property: Id(12)] IReadOnlyDictionary<string, string> Sources)
{
    /// <summary>The method name of historical simulation.</summary>
    public const string HistoricalSimulation = "historical simulation";

    /// <summary>The method name of the fallback.</summary>
    public const string CatalogVolatility = "catalog volatility, correlation 1";
}
