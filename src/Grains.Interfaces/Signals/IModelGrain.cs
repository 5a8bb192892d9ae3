using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.MarketData;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Interfaces.Signals;

/// <summary>
/// One per model (key: model id): runs the model safely (off the scheduler, under
/// AI_MODEL_TIMEOUT), keeps its rolling performance and accuracy, and owns its circuit breaker.
/// </summary>
[Alias("AriaPro.IModelGrain")]
public interface IModelGrain : IGrainWithStringKey
{
    /// <summary>Predicts the next bar of <paramref name="symbol"/> from its bars (oldest first), unless the breaker is open.</summary>
    [Alias("Infer"), CallerRole(AriaRoles.Admin)]
    Task<ModelInference> Infer(string symbol, IReadOnlyList<Bar> bars);

    /// <summary>The model's health.</summary>
    [Alias("GetHealth"), CallerRole(AriaRoles.Viewer)]
    Task<ModelHealthView> GetHealth();

    /// <summary>Closes the breaker and starts a fresh window.</summary>
    [Alias("Reset"), CallerRole(AriaRoles.Admin, Endpoint = "POST /ai/models/{id}/reset")]
    Task<ModelHealthView> Reset();

    /// <summary>Holds the model off (Isolated) until reset.</summary>
    [Alias("Isolate"), CallerRole(AriaRoles.Admin, Endpoint = "POST /ai/models/{id}/isolate")]
    Task<ModelHealthView> Isolate(string reason);
}
