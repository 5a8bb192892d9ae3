using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// One per client order id: finds the order at the trader that owns it (or, once the trader has
/// let it go, in the id's record), cancels it, and answers a submit under an id already in use (the
/// first order again, or a conflict). A new order is better sent through <see cref="IOrderEntryGrain"/>,
/// which claims the id without activating a grain; both keep the id unique across every symbol.
/// </summary>
[Alias("AriaPro.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Claims this id for the request's symbol and submits it; the same request again returns the first order.</summary>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order (or one whose record is lost).</exception>
    [Alias("Submit"), CallerRole(AriaRoles.Trader, Endpoint = "POST /trading/orders")]
    Task<SubmitResult> Submit(OrderRequest request);

    /// <summary>
    /// The first half of <see cref="Submit"/>, for a silo's order intake when the id is in use or the
    /// request is refused: the order this id already names for the same request, or the request
    /// checked and the id claimed for it (persisted), to be delivered to its trader by the caller.
    /// Internal: only the silos call it.
    /// </summary>
    /// <exception cref="InvalidOrderException">The request breaks the order rules; nothing was claimed.</exception>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order (or one whose record is lost).</exception>
    [Alias("Claim")]
    Task<OrderClaim> Claim(OrderRequest request);

    /// <summary>The order, or null when this id was never used.</summary>
    [Alias("Get"), CallerRole(AriaRoles.Viewer, Endpoint = "GET /trading/orders/{clientOrderId}")]
    Task<OrderView?> Get();

    /// <summary>Cancels the order; null when this id was never used.</summary>
    [Alias("Cancel"), CallerRole(AriaRoles.Trader, Endpoint = "DELETE /trading/orders/{clientOrderId}")]
    Task<OrderView?> Cancel();
}
