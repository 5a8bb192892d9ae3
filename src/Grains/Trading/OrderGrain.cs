using AriaPro.Grains.Hosting;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Options;
using AriaPro.Grains.Interfaces;

namespace AriaPro.Grains.Trading;

/// <summary>
/// Applies <see cref="OrderRules"/> to every order, whichever door it came through, and makes a
/// client order id unique across every symbol: the first valid submit claims the id for its
/// symbol (persisted before the trader sees the order); a later submit of the same request
/// returns the order the id was first used for, and a different request is a conflict. It also keeps the order's final state once the
/// order has finished, so order history is spread over the cluster instead of growing a trader.
/// One is activated per order and is rarely asked again once the order has finished, so an idle
/// one leaves memory after two minutes rather than Orleans' default fifteen (its state stays stored).
/// </summary>
[GrainType("order"), CollectionAgeLimit(Minutes = 2)]
public sealed class OrderGrain(
    [PersistentState("order", AriaStorage.Orders)] IPersistentState<OrderRoute> route,
    IOptions<MarketDataOptions> marketOptions,
    TraderSubmits traders) : Grain, IOrderGrain
{
    public async Task<SubmitResult> Submit(OrderRequest request)
    {
        var claim = await Claim(request);
        return claim.Existing ?? await Deliver(claim.Request!);
    }

    public async Task<OrderClaim> Claim(OrderRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var id = this.GetPrimaryKeyString();
        request = request with { ClientOrderId = id, Symbol = Symbol.Normalize(request.Symbol) };
        if (route.State.Symbol is { } owner && await Find(GrainFactory.Of<ITraderGrain>(owner)) is { } existing)
        {
            // Stripe-style idempotency: the same request again reads the first order back; a
            // different one under a used id is refused, never silently answered with the first.
            var differences = OrderRules.Differences(request, existing);
            return differences.Count == 0 ? new(new(existing, Duplicate: true), null) : throw new ClientOrderIdConflictException(existing, differences);
        }

        // The one place the order rules are applied, for every door (HTTP, the client SDK, the
        // auto-trader, batches): before the id is claimed, so a refused request leaves nothing behind.
        if (OrderRules.Validate(request, marketOptions.Value.IsKnown) is { Count: > 0 } errors)
        {
            throw new InvalidOrderException(errors);
        }

        if (route.State.Symbol is { } claimed)
        {
            // Claimed but never delivered (a crash between the two writes): deliver it now, if it
            // is still for the symbol that was claimed. A delivered order the trader no longer
            // holds and that was never archived must not trade again either.
            if (route.State.Delivered)
            {
                throw new ClientOrderIdConflictException($"client order id '{id}' was used for an order on {claimed} whose record is lost; use a new id");
            }

            return string.Equals(request.Symbol, claimed, StringComparison.Ordinal)
                ? new(null, request)
                : throw new ClientOrderIdConflictException($"client order id '{id}' is already claimed for an order on {claimed}; this request is for {request.Symbol}. Use a new client order id for a new order");
        }

        route.State.Symbol = request.Symbol;
        await route.WriteOrRestartAsync(this);
        return new(null, request);
    }

    public Task Delivered()
    {
        route.State.Delivered = true;
        return Task.CompletedTask;
    }

    // Delivered is stored with the archive, not written here: until the order finishes, the trader
    // holds it (persisted as Submitted before the broker saw it, never dropped before archiving),
    // so a stored claim the trader does not know was never traded and may be delivered again.
    // Orders sent to one trader at once share its call and its write (TraderSubmits).
    private async Task<SubmitResult> Deliver(OrderRequest request)
    {
        var result = await traders.Submit(request);
        await Delivered();
        return result;
    }

    public async Task<OrderView?> Get() =>
        route.State.Symbol is { } owner ? await Find(GrainFactory.Of<ITraderGrain>(owner)) : null;

    public async Task<OrderView?> Cancel() =>
        route.State.Symbol is { } owner
            ? await GrainFactory.Of<ITraderGrain>(owner).Cancel(this.GetPrimaryKeyString()) ?? route.State.Archived
            : null;

    public async Task Archive(OrderView order)
    {
        // Archive requests may arrive out of order or twice; the newest version wins.
        if (route.State.Archived is not { } stored || stored.UpdatedAt < order.UpdatedAt)
        {
            route.State.Archived = order;
            route.State.Delivered = true;
            await route.WriteOrRestartAsync(this);
        }

        await GrainFactory.Of<ITraderGrain>(order.Symbol).ConfirmArchived(order.ClientOrderId, order.UpdatedAt);
    }

    // The trader's copy is the live one; once the trader has let a finished order go, the archive is.
    private async Task<OrderView?> Find(ITraderGrain trader) =>
        await trader.GetOrder(this.GetPrimaryKeyString()) ?? route.State.Archived;
}
