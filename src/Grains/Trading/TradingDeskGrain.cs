using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AriaPro.Grains.Trading;

/// <summary>Fans read-only questions out to every configured symbol's trader.</summary>
[GrainType("desk"), StatelessWorker]
public sealed class TradingDeskGrain(IOptions<MarketDataOptions> marketOptions) : Grain, ITradingDeskGrain
{
    public Task<IReadOnlyList<string>> GetSymbols() => Task.FromResult<IReadOnlyList<string>>(marketOptions.Value.Symbols);

    public async Task<IReadOnlyList<PositionView>> GetPositions() =>
        await Task.WhenAll(marketOptions.Value.Symbols.Select(s => GrainFactory.GetGrain<ITraderGrain>(s).GetPosition()));
}
