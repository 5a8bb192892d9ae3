namespace AriaPro.Grains.Interfaces.Risk;

/// <summary>
/// The portfolio's loss limits now: the daily loss (from <see cref="DayStartEquity"/>) and the
/// drawdown (from <see cref="PeakEquity"/>) as fractions, the limits (null when off), and the kill
/// switch's trip while it holds (every symbol Reducing until an admin resumes).
/// </summary>
[GenerateSerializer, Immutable, Alias("AriaPro.LossLimitsView")]
public sealed record LossLimitsView(
    [property: Id(0)] double DailyLoss,
    [property: Id(1)] double? MaxDailyLoss,
    [property: Id(2)] double Drawdown,
    [property: Id(3)] double? MaxDrawdown,
    [property: Id(4)] decimal DayStartEquity,
    [property: Id(5)] decimal PeakEquity,
    [property: Id(6)] KillSwitchTrip? Tripped);
