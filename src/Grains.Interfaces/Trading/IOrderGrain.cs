using AriaPro.Grains.Interfaces.Security;
using Orleans.Concurrency;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// One per client order id: makes the id unique across every symbol and routes it to the
/// trader that owns the order. Orders enter the system here.
/// </summary>
[Alias("AriaPro.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Claims this id for the request's symbol and submits it; the same request again returns the first order.</summary>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order (or one whose record is lost).</exception>
    [Alias("Submit"), CallerRole(AriaRoles.Trader, Endpoint = "POST /trading/orders")]
    Task<SubmitResult> Submit(OrderRequest request);

    /// <summary>
    /// The first half of <see cref="Submit"/>, for a batch: the order this id already names for the
    /// same request, or the request checked and the id claimed for it (persisted), to be delivered
    /// to its trader by the caller. Internal: only the silos call it.
    /// </summary>
    /// <exception cref="InvalidOrderException">The request breaks the order rules; nothing was claimed.</exception>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order (or one whose record is lost).</exception>
    [Alias("Claim")]
    Task<OrderClaim> Claim(OrderRequest request);

    /// <summary>The claimed order has reached its trader (after a <see cref="Claim"/>). One-way.</summary>
    [Alias("Delivered"), OneWay]
    Task Delivered();

    /// <summary>The order, or null when this id was never used.</summary>
    [Alias("Get"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/orders/{clientOrderId}")]
    Task<OrderView?> Get();

    /// <summary>Cancels the order; null when this id was never used.</summary>
    [Alias("Cancel"), CallerRole(AriaRoles.Trader, Endpoint = "DELETE /trading/orders/{clientOrderId}")]
    Task<OrderView?> Cancel();

    /// <summary>
    /// Keeps the order's final state once it has finished, so its trader need not keep it. One-way:
    /// the trader never waits on an order grain, which may itself be waiting on the trader.
    /// </summary>
    [Alias("Archive"), OneWay]
    Task Archive(OrderView order);
}
