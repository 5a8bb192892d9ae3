using AriaPro.Grains.Interfaces;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Grains.MarketData;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Concurrency;

namespace AriaPro.Grains.Trading;

/// <summary>
/// Submits a batch: every order is claimed through the silo's <see cref="OrderIntake"/> (the order
/// rules and idempotency exactly as for one order, all claims at once), the claimed orders go to
/// each symbol's trader in one <see cref="ITraderGrain.SubmitMany"/> (one state write per trader),
/// and each order gets its own answer. A failure answers the orders it touched, never the batch.
/// </summary>
[GrainType("order-batch"), StatelessWorker, Reentrant]
public sealed partial class OrderBatchGrain(OrderIntake intake, IOptions<MarketDataOptions> marketOptions, ILogger<OrderBatchGrain> logger) : Grain, IOrderBatchGrain
{
    public async Task<IReadOnlyList<BatchOrderResult>> Submit(IReadOnlyList<OrderRequest> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Count is 0 or > OrderRules.MaxBatchOrders)
        {
            throw new ArgumentException($"a batch holds 1 to {OrderRules.MaxBatchOrders} orders; this one holds {requests.Count}", nameof(requests));
        }

        if (requests.Any(r => r is null))
        {
            throw new ArgumentException("a batch holds no empty (null) orders", nameof(requests));
        }

        var results = new BatchOrderResult[requests.Count];
        var claims = Claim(requests, results);
        var claimed = new List<(int Index, OrderRequest Request)>();
        foreach (var (index, claim) in claims)
        {
            var id = requests[index].ClientOrderId;
            try
            {
                var answer = await claim;
                if (answer.Existing is { } existing)
                {
                    results[index] = new(id, existing, null);
                }
                else
                {
                    claimed.Add((index, answer.Request!));
                }
            }
            catch (Exception exception)
            {
                results[index] = new(id, null, Failure(exception, id));
            }
        }

        await Task.WhenAll(claimed.GroupBy(c => c.Request.Symbol, StringComparer.Ordinal).Select(symbol => Deliver(symbol.Key, [.. symbol], results)));
        return results;
    }

    // Every usable, first-seen id is claimed at once; the rest are answered here.
    private List<(int Index, Task<OrderClaim> Claim)> Claim(IReadOnlyList<OrderRequest> requests, BatchOrderResult[] results)
    {
        var firstOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var claims = new List<(int, Task<OrderClaim>)>(requests.Count);
        for (var i = 0; i < requests.Count; i++)
        {
            var request = requests[i];
            if (OrderRules.UnroutableErrors(request, marketOptions.Value.IsKnown) is { } errors)
            {
                // No grain can be named by this id: every rule the request breaks, answered here.
                results[i] = new(request.ClientOrderId ?? "", null, Failure(new InvalidOrderException(errors), request.ClientOrderId));
            }
            else if (!firstOf.TryAdd(request.ClientOrderId, i))
            {
                results[i] = new(request.ClientOrderId, null, new(BatchFailureKind.Conflict,
                    $"client order id '{request.ClientOrderId}' is also order {firstOf[request.ClientOrderId] + 1} of this batch; every order needs its own id"));
            }
            else
            {
                claims.Add((i, intake.Claim(request)));
            }
        }

        return claims;
    }

    private async Task Deliver(string symbol, List<(int Index, OrderRequest Request)> orders, BatchOrderResult[] results)
    {
        try
        {
            var answers = await GrainFactory.Of<ITraderGrain>(symbol).SubmitMany([.. orders.Select(o => o.Request)]);
            for (var i = 0; i < orders.Count; i++)
            {
                var (index, request) = orders[i];
                try
                {
                    results[index] = new(request.ClientOrderId, OrderIntake.Checked(request, answers[i]), null);
                }
                catch (ClientOrderIdConflictException conflict)
                {
                    results[index] = new(request.ClientOrderId, null, Failure(conflict, request.ClientOrderId));
                }
            }
        }
        catch (Exception exception)
        {
            // Claimed, not delivered: the same order again under the same id delivers it.
            foreach (var (index, request) in orders)
            {
                results[index] = new(request.ClientOrderId, null, Failure(exception, request.ClientOrderId));
            }
        }
    }

    private BatchOrderFailure Failure(Exception exception, string? clientOrderId)
    {
        switch (exception)
        {
            case InvalidOrderException invalid:
                return new(BatchFailureKind.Invalid, string.Join("; ", invalid.Errors.SelectMany(e => e.Value)), invalid.Errors);
            case ClientOrderIdConflictException conflict:
                return new(BatchFailureKind.Conflict, conflict.Message, Fields: conflict.Fields);
            case ArgumentException argument:
                return new(BatchFailureKind.Invalid, argument.Message);
            default:
                LogNotSubmitted(clientOrderId, exception.GetType().Name, exception.Message);
                return new(BatchFailureKind.Unavailable,
                    $"the trading cluster or its storage did not answer ({exception.GetType().Name}); sending this order again with the same client order id is safe");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Batch order {ClientOrderId} not submitted: {Cause}: {Detail}")]
    private partial void LogNotSubmitted(string? clientOrderId, string cause, string detail);
}
