using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// Submits many orders in one call, as venues offer for clients that need rate: each order's id is
/// claimed as one order's is (so idempotency and the order rules hold exactly as for one order),
/// the claimed ones go to each symbol's trader together (one state write per trader), and
/// every order is answered on its own. Stateless; key 0.
/// </summary>
[Alias("AriaPro.IOrderBatchGrain")]
public interface IOrderBatchGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Submits up to <see cref="OrderRules.MaxBatchOrders"/> orders; the answers are in the order of
    /// <paramref name="requests"/>. A longer or empty batch is refused whole with <see cref="ArgumentException"/>.
    /// </summary>
    [Alias("Submit"), CallerRole(AriaRoles.Trader, Endpoint = "POST /trading/orders/batch")]
    Task<IReadOnlyList<BatchOrderResult>> Submit(IReadOnlyList<OrderRequest> requests);
}
