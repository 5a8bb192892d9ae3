using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Grains.Trading;

/// <summary>
/// The way orders reach their traders (from the order intake, or an id's order grain), one per silo: single orders sent to one trader at the
/// same time share one <see cref="ITraderGrain.SubmitMany"/> call, and so one trader write (group
/// commit), each still answered only once that write is done. See <see cref="CallCoalescer{TKey, TItem, TResult}"/>.
/// </summary>
public sealed class TraderSubmits(IGrainFactory grains)
{
    private readonly CallCoalescer<string, OrderRequest, SubmitResult> _lanes =
        new((symbol, requests) => grains.Of<ITraderGrain>(symbol).SubmitMany(requests), OrderRules.MaxBatchOrders);

    /// <summary>Submits <paramref name="request"/> (validated, its id claimed) to its symbol's trader.</summary>
    public Task<SubmitResult> Submit(OrderRequest request) => _lanes.Send(request.Symbol, request);

    /// <summary>Orders for <paramref name="symbol"/> waiting for the trader's current call to return.</summary>
    public int Waiting(string symbol) => _lanes.Waiting(symbol);
}
