using AriaPro.Grains.Interfaces.Security;
namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>
/// One per symbol: runs the signal model on a timer and hands the resulting target position to
/// the trader through the same order path as any manual order.
/// </summary>
[Alias("AriaPro.ISignalGrain")]
public interface ISignalGrain : IGrainWithStringKey
{
    /// <summary>Activates the grain and its analysis timer; idempotent.</summary>
    [Alias("Start")]
    Task Start();

    /// <summary>Runs one analysis now and acts on it.</summary>
    [Alias("RunOnce")]
    Task<SignalView> RunOnce();

    /// <summary>The latest signal, or null before the first analysis.</summary>
    [Alias("GetLatest"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /ai/signals/{symbol}")]
    Task<SignalView?> GetLatest();
}
