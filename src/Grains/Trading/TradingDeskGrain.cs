using System.Globalization;
using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AriaPro.Grains.Trading;

/// <summary>Fans questions and commands out to every configured symbol's trader.</summary>
[GrainType("desk"), StatelessWorker]
public sealed class TradingDeskGrain(
    IOptions<MarketDataOptions> marketOptions,
    [FromKeyedServices(AriaClock.Key)] TimeProvider time) : Grain, ITradingDeskGrain
{
    public Task<IReadOnlyList<string>> GetSymbols() => Task.FromResult<IReadOnlyList<string>>(marketOptions.Value.Symbols);

    public async Task<IReadOnlyList<PositionView>> GetPositions() =>
        await Task.WhenAll(marketOptions.Value.Symbols.Select(s => GrainFactory.GetGrain<ITraderGrain>(s).GetPosition()));

    public Task<FlattenResult> FlattenSymbol(string symbol)
    {
        var normalized = Symbol.Normalize(symbol);
        marketOptions.Value.EnsureTraded(normalized);
        return FlattenOne(normalized);
    }

    public async Task<IReadOnlyList<FlattenResult>> Flatten() => await Task.WhenAll(marketOptions.Value.Symbols.Select(FlattenOne));

    // Through the same doors as any order (the order intake and the ids' grains: claimed,
    // idempotent, archived). The
    // working orders go first, so the closing order counts no working order on its side; a cancel
    // is final at once. What fills after the position was read is left for another flatten, which
    // its own reduce-only check keeps from overshooting.
    private async Task<FlattenResult> FlattenOne(string symbol)
    {
        var trader = GrainFactory.GetGrain<ITraderGrain>(symbol);
        var cancelled = new List<string>();
        foreach (var working in await trader.GetWorkingOrders())
        {
            await GrainFactory.Of<IOrderGrain>(working.ClientOrderId).Cancel();
            cancelled.Add(working.ClientOrderId);
        }

        var position = await trader.GetPosition();
        if (position.Quantity == 0m)
        {
            return new(symbol, 0m, cancelled, null);
        }

        var id = string.Create(CultureInfo.InvariantCulture, $"flatten-{symbol}-{time.GetUtcNow():yyyyMMddHHmmssfff}");
        var side = position.Quantity > 0m ? OrderSide.Sell : OrderSide.Buy;
        var result = await GrainFactory.GetGrain<IOrderEntryGrain>(0)
            .Submit(new OrderRequest(id, symbol, side, Math.Abs(position.Quantity), OrderType.Market, Source: OrderSources.Flatten));
        return new(symbol, position.Quantity, cancelled, result.Order);
    }
}
