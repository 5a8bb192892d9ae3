using AriaPro.Grains.Interfaces.Security;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// Where one order enters the cluster from outside it: on the silo that took the call (stateless,
/// key 0), the order rules are applied, a new client order id is claimed by writing its record
/// (unique across every symbol) and the order goes to its symbol's trader, with no grain activated
/// per order. An id in use is answered as <see cref="IOrderGrain.Submit"/> answers it.
/// </summary>
[Alias("AriaPro.IOrderEntryGrain")]
public interface IOrderEntryGrain : IGrainWithIntegerKey
{
    /// <summary>Submits the order; the same request again under its id returns the first order.</summary>
    /// <exception cref="InvalidOrderException">The request breaks the order rules; nothing was claimed.</exception>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order (or one whose record is lost).</exception>
    [Alias("Submit"), CallerRole(AriaRoles.Trader, Endpoint = "POST /trading/orders")]
    Task<SubmitResult> Submit(OrderRequest request);
}
