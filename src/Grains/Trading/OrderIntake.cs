using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Options;

namespace AriaPro.Grains.Trading;

/// <summary>
/// Where every order enters the cluster, whichever door it came through (the client SDK through
/// <see cref="IOrderEntryGrain"/>, HTTP, batches, the auto-trader, flatten): the order rules are
/// applied, a new client order id is claimed by creating its record (<see cref="OrderRecords"/>: one
/// write, no grain activated, unique across every symbol), and the order goes to its symbol's trader
/// with the others sent to it at the same time (<see cref="TraderSubmits"/>). An id already in use,
/// and a request the rules refuse, are answered by the id's <see cref="IOrderGrain"/>, exactly as
/// before: the first order again, a conflict, or the errors. One per silo.
/// </summary>
public sealed class OrderIntake(OrderRecords records, TraderSubmits traders, IGrainFactory grains, IOptions<MarketDataOptions> marketOptions)
{
    /// <summary>Submits one order; the same request again returns the first order.</summary>
    /// <exception cref="InvalidOrderException">The request breaks the order rules; nothing was claimed.</exception>
    /// <exception cref="ClientOrderIdConflictException">The id already names a different order.</exception>
    public async Task<SubmitResult> Submit(OrderRequest request)
    {
        var claim = await Claim(request);
        return claim.Existing ?? Checked(claim.Request!, await traders.Submit(claim.Request!));
    }

    /// <summary>
    /// The first half of <see cref="Submit"/>, for a batch: the order the id already names, or the
    /// request, normalised and checked, with its id claimed, to be delivered to its trader.
    /// </summary>
    public async Task<OrderClaim> Claim(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (OrderRules.UnroutableErrors(request, marketOptions.Value.IsKnown) is { } unroutable)
        {
            // No record and no grain can be named by this id: every rule the request breaks.
            throw new InvalidOrderException(unroutable);
        }

        request = request with { Symbol = Symbol.Normalize(request.Symbol) };
        if (OrderRules.Validate(request, marketOptions.Value.IsKnown).Count == 0 && await records.TryClaim(request.ClientOrderId, request.Symbol))
        {
            return new(null, request);
        }

        return await grains.GetGrain<IOrderGrain>(request.ClientOrderId).Claim(request);
    }

    /// <summary>
    /// A trader's answer checked against the request: an order the trader already held under the id
    /// (the same id sent twice at once) is the first order again only when it is the same request.
    /// </summary>
    internal static SubmitResult Checked(OrderRequest request, SubmitResult answer) =>
        answer.Duplicate ? Duplicate(request, answer.Order) : answer;

    /// <summary>The first order under the request's id, when the request is the same; a conflict otherwise.</summary>
    /// <exception cref="ClientOrderIdConflictException">The request differs from the first order.</exception>
    internal static SubmitResult Duplicate(OrderRequest request, OrderView first) =>
        OrderRules.Differences(request, first) is { Count: > 0 } differences
            ? throw new ClientOrderIdConflictException(first, differences)
            : new(first, Duplicate: true);
}
