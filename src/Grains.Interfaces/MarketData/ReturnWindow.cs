namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>
/// A symbol's recent returns, the scenarios of historical-simulation risk: <see cref="Daily"/> holds
/// the last RISK_LOOKBACK_DAYS daily simple returns of the close, oldest first, the newest being
/// the day <see cref="LastDay"/>; <see cref="Bars"/> the simple returns between the last closes of the
/// rolling bar window, each <see cref="BarInterval"/> long (zero when the feed's bars have no fixed length).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.ReturnWindow")]
public sealed record ReturnWindow(
    [property: Id(0)] string Symbol,
    [property: Id(1)] IReadOnlyList<double> Daily,
    [property: Id(2)] DateOnly? LastDay,
    [property: Id(3)] string Source,
    [property: Id(4)] int LookbackDays,
    [property: Id(5)] IReadOnlyList<double> Bars,
    [property: Id(6)] TimeSpan BarInterval);
