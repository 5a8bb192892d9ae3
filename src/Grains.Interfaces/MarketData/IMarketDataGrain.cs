using AriaPro.Grains.Interfaces.Security;
namespace AriaPro.Grains.Interfaces.MarketData;

/// <summary>
/// One per symbol. Pulls bars from the configured feed on a timer and keeps a rolling window of
/// them, the current quote and the realized volatility.
/// </summary>
[Alias("AriaPro.IMarketDataGrain")]
public interface IMarketDataGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain and its feed timer; idempotent.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Pulls up to <paramref name="bars"/> bars from the feed now; returns how many arrived.</summary>
    [Alias("Advance")]
    Task<int> Advance(int bars);

    /// <summary>Current bid and ask.</summary>
    [Alias("GetQuote"), CallerRole(AriaRoles.Viewer)]
    Task<Quote> GetQuote();

    /// <summary>Realized volatility of the rolling window.</summary>
    [Alias("GetVolatility"), CallerRole(AriaRoles.Viewer)]
    Task<VolatilitySnapshot> GetVolatility();

    /// <summary>Quote, volatility and window size together.</summary>
    [Alias("GetSnapshot"), CallerRole(AriaRoles.Viewer)]
    Task<MarketSnapshot> GetSnapshot();

    /// <summary>The daily and bar-level return window that historical-simulation risk applies to the book.</summary>
    [Alias("GetReturns"), CallerRole(AriaRoles.Viewer)]
    Task<ReturnWindow> GetReturns();

    /// <summary>The latest <paramref name="count"/> bars, oldest first.</summary>
    [Alias("GetBars"), CallerRole(AriaRoles.Viewer)]
    Task<IReadOnlyList<Bar>> GetBars(int count);
}
