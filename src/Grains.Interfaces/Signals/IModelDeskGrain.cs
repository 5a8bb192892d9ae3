using AriaPro.Grains.Interfaces.Security;
namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>Read-only view across every model and symbol (stateless; key 0).</summary>
[Alias("AriaPro.IModelDeskGrain")]
public interface IModelDeskGrain : IGrainWithIntegerKey
{
    /// <summary>Every model's health and every symbol's current analysis interval.</summary>
    [Alias("GetModels"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /ai/models")]
    Task<ModelsView> GetModels();
}
