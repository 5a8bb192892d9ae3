using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Options;
using AriaPro.Grains.Interfaces;

namespace AriaPro.Grains.Trading;

/// <summary>
/// One client order id's answers once the id is in use: the same request again returns the order
/// the id was first used for, a different request is a conflict, and Get and Cancel find the order
/// at its trader or, once the trader has let it go, in the id's record (<see cref="OrderRecords"/>).
/// A new id is claimed without it (<see cref="OrderIntake"/>); only an id already taken, or a
/// request the rules refuse, comes here. It keeps no copy of the record between calls: the record
/// is read when a call needs it, so it never answers from a copy older than the store. An idle one
/// leaves memory after two minutes rather than Orleans' default fifteen.
/// </summary>
[GrainType(OrderRecords.GrainType), CollectionAgeLimit(Minutes = 2)]
public sealed class OrderGrain(
    OrderRecords records,
    IOptions<MarketDataOptions> marketOptions,
    TraderSubmits traders) : Grain, IOrderGrain
{
    // Set once this activation has seen the trader answer for the id: from then on a trader that does
    // not know the order has lost it, and it must not trade again.
    private bool _delivered;

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
        for (var attempt = 0; ; attempt++)
        {
            var route = await records.Read(id);
            if (route.Symbol is { } owner && await Find(owner, route) is { } existing)
            {
                // Stripe-style idempotency: the same request again reads the first order back; a
                // different one under a used id is refused, never silently answered with the first.
                return new(OrderIntake.Duplicate(request, existing), null);
            }

            // Before the id is claimed, so a refused request leaves nothing behind.
            if (OrderRules.Validate(request, marketOptions.Value.IsKnown) is { Count: > 0 } errors)
            {
                throw new InvalidOrderException(errors);
            }

            if (route.Symbol is { } claimed)
            {
                // Claimed but never delivered (a crash between the claim and the trader's write, or
                // another submit of the id still on its way): deliver it, if it is for the symbol
                // claimed; the trader takes an id once. A delivered order the trader no longer holds
                // and that was never archived must not trade again either.
                if (route.Delivered || _delivered)
                {
                    throw new ClientOrderIdConflictException($"client order id '{id}' was used for an order on {claimed} whose record is lost; use a new id");
                }

                return string.Equals(request.Symbol, claimed, StringComparison.Ordinal)
                    ? new(null, request)
                    : throw new ClientOrderIdConflictException($"client order id '{id}' is already claimed for an order on {claimed}; this request is for {request.Symbol}. Use a new client order id for a new order") { Fields = ["symbol"] };
            }

            if (await records.TryClaim(id, request.Symbol))
            {
                return new(null, request);
            }

            if (attempt == 2)
            {
                throw new InvalidOperationException($"the record of client order id '{id}' changed under each of three claims; send the order again");
            }
        }
    }

    public Task Delivered()
    {
        _delivered = true;
        return Task.CompletedTask;
    }

    // Orders sent to one trader at once share its call and its write (TraderSubmits).
    private async Task<SubmitResult> Deliver(OrderRequest request)
    {
        var result = OrderIntake.Checked(request, await traders.Submit(request));
        _delivered = true;
        return result;
    }

    public async Task<OrderView?> Get()
    {
        var id = this.GetPrimaryKeyString();
        var route = await records.Read(id);
        return route.Symbol is { } owner ? await Find(owner, route) : null;
    }

    public async Task<OrderView?> Cancel()
    {
        var id = this.GetPrimaryKeyString();
        var route = await records.Read(id);
        return route.Symbol is { } owner
            ? await GrainFactory.Of<ITraderGrain>(owner).Cancel(id) ?? (await records.Read(id)).Archived
            : null;
    }

    // The trader's copy is the live one; once the trader has let a finished order go, the archive is
    // (read again: the trader archives before it lets go, possibly after the record was first read).
    private async Task<OrderView?> Find(string owner, OrderRoute route)
    {
        var id = this.GetPrimaryKeyString();
        return await GrainFactory.Of<ITraderGrain>(owner).GetOrder(id) ?? route.Archived ?? (await records.Read(id)).Archived;
    }
}
