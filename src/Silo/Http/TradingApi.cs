using AriaPro.Grains.Interfaces.Http;
using AriaPro.Grains.Interfaces.Security;
using AriaPro.Grains.Interfaces.Trading;
using AriaPro.Silo.Security.Audit;
using AriaPro.Silo.Http.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;
using AriaPro.Grains.Interfaces;

namespace AriaPro.Silo.Http;

/// <summary>
/// /trading: orders by client order id, positions, and each symbol's guards. Every handler reads
/// its input first and then makes one grain call, bounded by <see cref="GrainCallDeadline"/>.
/// Unreadable input never reaches a grain; an order's rules are the order intake's to apply
/// (its refusal is a 400 with the fields to fix, and nothing is claimed).
/// </summary>
public static partial class TradingApi
{
    /// <summary>Maps the /trading endpoints.</summary>
    public static RouteGroupBuilder MapTradingApi(this IEndpointRouteBuilder app)
    {
        const int NotFound = StatusCodes.Status404NotFound, Conflict = StatusCodes.Status409Conflict, Unavailable = StatusCodes.Status503ServiceUnavailable;
        var trading = app.MapGroup("/trading").WithTags("Trading");
        trading.MapPost("/orders", SubmitOrder).RequireAuthorization(AriaRoles.Trader).Accepts<OrderRequest>("application/json").ProducesProblems(Unavailable);
        trading.MapPost("/orders/batch", SubmitOrders).RequireAuthorization(AriaRoles.Trader).Accepts<OrderBatchRequest>("application/json").ProducesProblems(Unavailable);
        trading.MapGet("/orders/{clientOrderId}", GetOrder).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(NotFound, Unavailable);
        trading.MapDelete("/orders/{clientOrderId}", CancelOrder).RequireAuthorization(AriaRoles.Trader).ProducesProblems(NotFound, Conflict, Unavailable);
        trading.MapGet("/positions", GetPositions).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(Unavailable);
        trading.MapGet("/symbols/{symbol}", GetSymbol).RequireAuthorization(AriaRoles.Viewer).ProducesProblems(NotFound, Unavailable);
        trading.MapPost("/symbols/{symbol}/circuit-breaker/reset", ResetCircuitBreaker).RequireAuthorization(AriaRoles.Admin).ProducesProblems(NotFound, Unavailable);
        trading.MapPost("/symbols/{symbol}/circuit-breaker/halt", HaltCircuitBreaker).RequireAuthorization(AriaRoles.Admin)
            .Accepts<ReasonRequest>(isOptional: true, "application/json").ProducesProblems(NotFound, Unavailable);
        trading.MapPost("/symbols/{symbol}/circuit-breaker/resume", ResumeCircuitBreaker).RequireAuthorization(AriaRoles.Admin).ProducesProblems(NotFound, Unavailable);
        trading.MapPut("/symbols/{symbol}/trading-state", SetTradingState).RequireAuthorization(AriaRoles.Admin)
            .Accepts<TradingStateRequest>("application/json").ProducesProblems(NotFound, Unavailable);
        trading.MapPost("/symbols/{symbol}/flatten", FlattenSymbol).RequireAuthorization(AriaRoles.Admin).ProducesProblems(NotFound, Unavailable);
        trading.MapPost("/flatten", FlattenAll).RequireAuthorization(AriaRoles.Admin).ProducesProblems(Unavailable);
        return trading;
    }

    private static async Task<Results<Created<OrderView>, Ok<OrderView>, ValidationProblem>> SubmitOrder(
        HttpRequest request, [AsParameters] TradingServices services)
    {
        var (document, error) = await JsonBody.ReadAsync(request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var (order, errors) = OrderRequestParser.Parse(document!.RootElement, services.Market.Value.IsKnown);
            if (order is null)
            {
                return TypedResults.ValidationProblem(errors, title: FacadeExceptionHandler.InvalidOrderTitle);
            }

            var result = await services.Call(services.Grains.GetGrain<IOrderEntryGrain>(0).Submit(order), $"submit of order {order.ClientOrderId}");
            AuditSubmitted(services, result);
            return result.Duplicate
                ? TypedResults.Ok(result.Order)
                : TypedResults.Created($"/trading/orders/{Uri.EscapeDataString(order.ClientOrderId)}", result.Order);
        }
    }

    private static void AuditSubmitted(TradingServices services, SubmitResult result) =>
        services.Http.Audit(AuditEventTypes.OrderSubmitted, result.Duplicate ? $"duplicate, {result.Order.Status}" : result.Order.Status.ToString(),
            ("clientOrderId", result.Order.ClientOrderId), ("symbol", result.Order.Symbol), ("side", result.Order.Side.ToString()),
            ("quantity", result.Order.Quantity.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("status", result.Order.Status.ToString()));

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> GetOrder(
        string clientOrderId, [AsParameters] TradingServices services)
    {
        if (OrderRules.ClientOrderIdError(clientOrderId) is { } error)
        {
            return Problems.Invalid("clientOrderId", error);
        }

        return await services.Call(services.Grains.Of<IOrderGrain>(clientOrderId).Get()) is { } order
            ? TypedResults.Ok(order)
            : UnknownOrder(clientOrderId);
    }

    private static async Task<Results<Ok<OrderView>, ProblemHttpResult, ValidationProblem>> CancelOrder(
        string clientOrderId, [AsParameters] TradingServices services)
    {
        if (OrderRules.ClientOrderIdError(clientOrderId) is { } error)
        {
            return Problems.Invalid("clientOrderId", error);
        }

        var order = await services.Call(services.Grains.Of<IOrderGrain>(clientOrderId).Cancel());
        if (order is null)
        {
            return UnknownOrder(clientOrderId);
        }

        return order.Status == OrderStatus.Cancelled
            ? TypedResults.Ok(order)
            : Problems.Create(StatusCodes.Status409Conflict, "Order already finished",
                $"order '{clientOrderId}' is {order.Status} and can no longer be cancelled");
    }

    private static async Task<Ok<IReadOnlyList<PositionView>>> GetPositions([AsParameters] TradingServices services) =>
        TypedResults.Ok(await services.Call(services.Grains.GetGrain<ITradingDeskGrain>(0).GetPositions()));

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult>> GetSymbol(string symbol, [AsParameters] TradingServices services) =>
        services.TryTrader(symbol, out var trader, out var notFound) ? TypedResults.Ok(await services.Call(trader.GetStatus())) : notFound;

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult>> ResetCircuitBreaker(string symbol, [AsParameters] TradingServices services) =>
        services.TryTrader(symbol, out var trader, out var notFound)
            ? TypedResults.Ok(Audited(services, AuditEventTypes.BreakerReset, null, await services.Call(trader.ResetCircuitBreaker())))
            : notFound;

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult>> ResumeCircuitBreaker(string symbol, [AsParameters] TradingServices services) =>
        services.TryTrader(symbol, out var trader, out var notFound)
            ? TypedResults.Ok(Audited(services, AuditEventTypes.BreakerResumed, null, await services.Call(trader.ResumeCircuitBreaker())))
            : notFound;

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult, ValidationProblem>> HaltCircuitBreaker(
        string symbol, HttpRequest request, [AsParameters] TradingServices services)
    {
        if (!services.TryTrader(symbol, out var trader, out var notFound))
        {
            return notFound;
        }

        var (reason, invalid) = await JsonBody.ReadReasonAsync(request, "halted by an operator");
        return invalid is not null
            ? invalid
            : TypedResults.Ok(Audited(services, AuditEventTypes.BreakerHalted, reason, await services.Call(trader.HaltCircuitBreaker(reason))));
    }

    private static async Task<Results<Ok<SymbolView>, ProblemHttpResult, ValidationProblem>> SetTradingState(
        string symbol, HttpRequest request, [AsParameters] TradingServices services)
    {
        if (!services.TryTrader(symbol, out var trader, out var notFound))
        {
            return notFound;
        }

        var (document, error) = await JsonBody.ReadAsync(request, FacadeExtensions.MaxBodyBytes);
        using (document)
        {
            if (error is not null)
            {
                return Problems.Invalid("body", error);
            }

            var fields = new JsonFields(document!.RootElement);
            var state = fields.Enum<TradingState>("state");
            var reason = fields.Reason() ?? "set by an operator";
            return fields.Errors.Count > 0
                ? TypedResults.ValidationProblem(fields.Errors)
                : TypedResults.Ok(await services.Call(trader.SetTradingState(state!.Value, reason)));
        }
    }

    private static async Task<Results<Ok<FlattenResult>, ProblemHttpResult>> FlattenSymbol(string symbol, [AsParameters] TradingServices services)
    {
        if (!services.TryTrader(symbol, out _, out var notFound))
        {
            return notFound;
        }

        var result = await services.Call(services.Grains.GetGrain<ITradingDeskGrain>(0).FlattenSymbol(symbol));
        AuditFlattened(services, [result]);
        return TypedResults.Ok(result);
    }

    private static async Task<Ok<IReadOnlyList<FlattenResult>>> FlattenAll([AsParameters] TradingServices services)
    {
        var results = await services.Call(services.Grains.GetGrain<ITradingDeskGrain>(0).Flatten());
        AuditFlattened(services, results);
        return TypedResults.Ok(results);
    }

    private static void AuditFlattened(TradingServices services, IReadOnlyList<FlattenResult> results)
    {
        foreach (var result in results)
        {
            services.Http.Audit(AuditEventTypes.Flattened, result.Order?.Status.ToString() ?? "flat",
                ("symbol", result.Symbol), ("position", result.Position.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("cancelled", string.Join(",", result.Cancelled)), ("clientOrderId", result.Order?.ClientOrderId ?? ""));
        }
    }

    // Breaker control is audited once the trader has answered: a call that failed changed nothing.
    private static SymbolView Audited(TradingServices services, string type, string? reason, SymbolView view)
    {
        services.Http.Audit(type, $"breaker {view.CircuitBreaker.State}",
            [("symbol", view.Symbol), ("state", view.CircuitBreaker.State.ToString()), .. reason is null ? [] : new[] { ("reason", reason) }]);
        return view;
    }

    private static ProblemHttpResult UnknownOrder(string clientOrderId) =>
        Problems.Create(StatusCodes.Status404NotFound, "Unknown order", $"no order has client order id '{clientOrderId}'");
}
