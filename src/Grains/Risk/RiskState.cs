using AriaPro.Grains.Interfaces.Risk;

namespace AriaPro.Grains.Risk;

/// <summary>Persisted state of the risk grain.</summary>
[GenerateSerializer, Alias("AriaPro.RiskState")]
public sealed class RiskState
{
    /// <summary>Daily returns of marked-to-market equity, oldest first, at most RISK_LOOKBACK_DAYS.</summary>
    [Id(0)] public List<double> Returns { get; set; } = [];

    /// <summary>Equity at the last day close; null before the first.</summary>
    [Id(1)] public decimal? LastCloseEquity { get; set; }

    /// <summary>When the last day was closed.</summary>
    [Id(2)] public DateTimeOffset? LastDayClosed { get; set; }

    /// <summary>The latest position each trader reported, by symbol.</summary>
    [Id(3)] public Dictionary<string, PositionReport> Positions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Where the series came from: "live", or the seed file.</summary>
    [Id(4)] public string ReturnsSource { get; set; } = "live";

    /// <summary>Fencing token of the end-of-day lock under which the last day was closed.</summary>
    [Id(5)] public long LastCloseFence { get; set; }

    /// <summary>Equity the daily loss is measured from: the last day close's, or the equity when an admin resumed trading; null uses the last close or the capital.</summary>
    [Id(6)] public decimal? DayStartEquity { get; set; }

    /// <summary>The highest equity seen since the drawdown limit was last armed; null before the first figures.</summary>
    [Id(7)] public decimal? PeakEquity { get; set; }

    /// <summary>The kill switch while tripped; null while trading is allowed.</summary>
    [Id(8)] public KillSwitchTrip? KillSwitch { get; set; }
}
