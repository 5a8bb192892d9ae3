using AriaPro.Grains.Interfaces.Security;
namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Views and commands across every configured symbol (stateless; key 0).</summary>
[Alias("AriaPro.ITradingDeskGrain")]
public interface ITradingDeskGrain : IGrainWithIntegerKey
{
    /// <summary>The symbols this deployment trades.</summary>
    [Alias("GetSymbols"), CallerRole(AriaRoles.Viewer)]
    Task<IReadOnlyList<string>> GetSymbols();

    /// <summary>Every configured symbol's position.</summary>
    [Alias("GetPositions"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/positions")]
    Task<IReadOnlyList<PositionView>> GetPositions();

    /// <summary>
    /// Closes one symbol's position: cancels its working orders, then sends a market order for the
    /// whole position on the other side, which passes a halted symbol, an open breaker and the
    /// limits because it only reduces.
    /// </summary>
    [Alias("FlattenSymbol"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/symbols/{symbol}/flatten")]
    Task<FlattenResult> FlattenSymbol(string symbol);

    /// <summary>Flattens every configured symbol, as <see cref="FlattenSymbol"/> does one.</summary>
    [Alias("Flatten"), CallerRole(AriaRoles.Admin, Endpoint = "POST /trading/flatten")]
    Task<IReadOnlyList<FlattenResult>> Flatten();
}
