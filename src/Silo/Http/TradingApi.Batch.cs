using System.Text.Json;
using AriaPro.Grains.Interfaces.Trading;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AriaPro.Silo.Http;

/// <summary>The body of <c>POST /trading/orders/batch</c>: up to <see cref="OrderRules.MaxBatchOrders"/> orders, each as <c>POST /trading/orders</c> takes one.</summary>
public sealed record OrderBatchRequest(IReadOnlyList<OrderRequest> Orders);

/// <summary>
/// One order of a batch, answered on its own: <see cref="Status"/> is what <c>POST /trading/orders</c>
/// would have answered (201 submitted, 200 the same request again, 400, 409, 503), with the order
/// or the problem.
/// </summary>
public sealed record OrderBatchItem(int Status, string? ClientOrderId, OrderView? Order, OrderBatchProblem? Problem);

/// <summary>Why one order of a batch was not submitted: the title and detail of the single submit's problem, and its <c>errors</c> or <c>fields</c>.</summary>
public sealed record OrderBatchProblem(string Title, string Detail, IReadOnlyDictionary<string, string[]>? Errors, IReadOnlyList<string>? Fields);

/// <summary>The answers of a batch, in the order of its orders.</summary>
public sealed record OrderBatchResponse(IReadOnlyList<OrderBatchItem> Results);

public static partial class TradingApi
{
    // Every order is read as POST /trading/orders reads one; those that read go to the cluster in
    // one call (IOrderBatchGrain), and each is answered on its own. Only a body that holds no batch
    // is refused whole.
    private static async Task<Results<Ok<OrderBatchResponse>, ValidationProblem>> SubmitOrders(HttpRequest request, [AsParameters] TradingServices services)
    {
        var (document, error) = await JsonBody.ReadAsync(request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            if (document!.RootElement is not { ValueKind: JsonValueKind.Object } root
                || !root.TryGetProperty("orders", out var orders) || orders.ValueKind != JsonValueKind.Array
                || orders.GetArrayLength() is 0 or > OrderRules.MaxBatchOrders)
            {
                return Problems.Invalid("orders", $"the body must be an object whose 'orders' is an array of 1 to {OrderRules.MaxBatchOrders} orders, each as POST /trading/orders takes one");
            }

            var items = new OrderBatchItem?[orders.GetArrayLength()];
            var parsed = new List<(int Index, OrderRequest Request)>(items.Length);
            var index = 0;
            foreach (var element in orders.EnumerateArray())
            {
                var (order, errors) = OrderRequestParser.Parse(element, services.Market.Value.IsKnown);
                if (order is null)
                {
                    items[index] = Refused(StatusCodes.Status400BadRequest, ClientOrderIdOf(element),
                        FacadeExceptionHandler.InvalidOrderTitle, string.Join("; ", errors.SelectMany(e => e.Value)), errors, null);
                }
                else
                {
                    parsed.Add((index, order));
                }

                index++;
            }

            if (parsed.Count > 0)
            {
                var answers = await services.Call(services.Grains.GetGrain<IOrderBatchGrain>(0).Submit([.. parsed.Select(p => p.Request)]), $"batch of {parsed.Count} orders");
                for (var i = 0; i < parsed.Count; i++)
                {
                    items[parsed[i].Index] = Answer(services, answers[i]);
                }
            }

            return TypedResults.Ok(new OrderBatchResponse(items!));
        }
    }

    private static OrderBatchItem Answer(TradingServices services, BatchOrderResult answer)
    {
        if (answer.Result is { } result)
        {
            AuditSubmitted(services, result);
            return new(result.Duplicate ? StatusCodes.Status200OK : StatusCodes.Status201Created, answer.ClientOrderId, result.Order, null);
        }

        var failure = answer.Failure!;
        return failure.Kind switch
        {
            BatchFailureKind.Invalid => Refused(StatusCodes.Status400BadRequest, answer.ClientOrderId, FacadeExceptionHandler.InvalidOrderTitle, failure.Message, failure.Errors, null),
            BatchFailureKind.Conflict => Refused(StatusCodes.Status409Conflict, answer.ClientOrderId, "Client order id already used", failure.Message, null, failure.Fields),
            _ => Refused(StatusCodes.Status503ServiceUnavailable, answer.ClientOrderId, "Trading cluster unavailable", failure.Message, null, null),
        };
    }

    private static OrderBatchItem Refused(int status, string? clientOrderId, string title, string detail, IReadOnlyDictionary<string, string[]>? errors, IReadOnlyList<string>? fields) =>
        new(status, clientOrderId, null, new(title, detail, errors, fields));

    private static string? ClientOrderIdOf(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty("clientOrderId", out var id) && id.ValueKind == JsonValueKind.String
            ? JsonFields.ReadText(id)
            : null;
}
