namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// One per client order id: makes the id unique across every symbol and routes it to the
/// trader that owns the order. Orders enter the system here.
/// </summary>
[Alias("AriaPro.IOrderGrain")]
public interface IOrderGrain : IGrainWithStringKey
{
    /// <summary>Claims this id for the request's symbol and submits it; a used id returns the first order.</summary>
    [Alias("Submit")]
    Task<SubmitResult> Submit(OrderRequest request);

    /// <summary>The order, or null when this id was never used.</summary>
    [Alias("Get")]
    Task<OrderView?> Get();

    /// <summary>Cancels the order; null when this id was never used.</summary>
    [Alias("Cancel")]
    Task<OrderView?> Cancel();
}
