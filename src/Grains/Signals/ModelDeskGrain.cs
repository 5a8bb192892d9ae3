using AriaPro.Grains.Interfaces.Signals;
using AriaPro.Grains.MarketData;
using AriaPro.Grains.Signals.Models;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AriaPro.Grains.Signals;

/// <summary>Fans read-only questions out to every model, every symbol's signal and the model registry.</summary>
[GrainType("model-desk"), StatelessWorker]
public sealed class ModelDeskGrain(ModelCatalog catalog, IOptions<MarketDataOptions> market, IOptions<AutoTraderOptions> autoTrader) : Grain, IModelDeskGrain
{
    public async Task<ModelsView> GetModels()
    {
        var models = await Task.WhenAll(catalog.Ids.Order().Select(id => GrainFactory.GetGrain<IModelGrain>(id).GetHealth()));
        var signals = await Task.WhenAll(market.Value.Symbols.Select(s => GrainFactory.GetGrain<ISignalGrain>(s).GetLatest()));
        var intervals = market.Value.Symbols.Zip(signals).ToDictionary(
            p => p.First,
            p => p.Second?.AnalysisIntervalSeconds ?? autoTrader.Value.AnalysisInterval.TotalSeconds);
        var manifest = await GrainFactory.GetGrain<IModelRegistryGrain>(IModelRegistryGrain.Cluster).GetManifest();
        return new(models, intervals, manifest.Version);
    }
}
