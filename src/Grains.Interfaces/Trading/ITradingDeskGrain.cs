using AriaPro.Grains.Interfaces.Security;
namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>Read-only view across every configured symbol (stateless; key 0).</summary>
[Alias("AriaPro.ITradingDeskGrain")]
public interface ITradingDeskGrain : IGrainWithIntegerKey
{
    /// <summary>The symbols this deployment trades.</summary>
    [Alias("GetSymbols"), CallerRole(AriaRoles.Viewer)]
    Task<IReadOnlyList<string>> GetSymbols();

    /// <summary>Every configured symbol's position.</summary>
    [Alias("GetPositions"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/positions")]
    Task<IReadOnlyList<PositionView>> GetPositions();
}
