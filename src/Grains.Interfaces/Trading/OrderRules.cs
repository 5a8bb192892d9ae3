using System.Text.RegularExpressions;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// The rules every order request must meet before it reaches a trader. A silo's order intake
/// applies them once per order, for every door (HTTP, the client SDK, the auto-trader), and refuses
/// a request that breaks one with <see cref="InvalidOrderException"/>; a door applies them itself
/// only to a request whose client order id cannot name an order.
/// </summary>
public static partial class OrderRules
{
    /// <summary>Smallest order and size step, in lots.</summary>
    public const decimal LotStep = 0.01m;

    /// <summary>Largest single order, in lots: a fat-finger guard.</summary>
    public const decimal MaxOrderLots = 1_000m;

    /// <summary>Most orders in one batch (<c>POST /trading/orders/batch</c>, <see cref="IOrderBatchGrain"/>).</summary>
    public const int MaxBatchOrders = 100;

    /// <summary>Longest client order id.</summary>
    public const int MaxClientOrderIdLength = 64;

    /// <summary>
    /// Null when the request's client order id can name an order (the cluster then applies the
    /// rules, once); otherwise every rule the request breaks, its symbol normalised, for the caller
    /// to answer at once, since no record or grain can be named by such an id.
    /// </summary>
    public static Dictionary<string, string[]>? UnroutableErrors(OrderRequest request, Func<string, bool> isKnownSymbol) =>
        ClientOrderIdError(request.ClientOrderId) is null
            ? null
            : Validate(request with { Symbol = Symbol.Normalize(request.Symbol) }, isKnownSymbol);

    /// <summary>Errors of a request keyed by camelCase field name; empty when the request is valid.</summary>
    public static Dictionary<string, string[]> Validate(OrderRequest request, Func<string, bool> isKnownSymbol)
    {
        var errors = new Dictionary<string, string[]>();
        if (ClientOrderIdError(request.ClientOrderId) is { } idError)
        {
            errors["clientOrderId"] = [idError];
        }

        if (string.IsNullOrWhiteSpace(request.Symbol))
        {
            errors["symbol"] = ["symbol is required"];
        }
        else if (!isKnownSymbol(request.Symbol))
        {
            errors["symbol"] = [$"symbol '{request.Symbol}' is not traded here"];
        }

        if (QuantityError(request.Quantity) is { } quantityError)
        {
            errors["quantity"] = [quantityError];
        }

        if (request.Type == OrderType.Limit && request.LimitPrice is not > 0m)
        {
            errors["limitPrice"] = ["limitPrice must be a positive price for a Limit order"];
        }
        else if (request.Type == OrderType.Market && request.LimitPrice is not null)
        {
            errors["limitPrice"] = ["limitPrice is only allowed on a Limit order"];
        }

        if (!Enum.IsDefined(request.Side))
        {
            errors["side"] = ["side must be Buy or Sell"];
        }

        if (!Enum.IsDefined(request.Type))
        {
            errors["type"] = ["type must be Market or Limit"];
        }

        return errors;
    }

    /// <summary>
    /// The fields (camelCase, as the request names them) in which <paramref name="request"/> asks
    /// for something other than <paramref name="first"/>, the order its client order id already
    /// names; empty when it is the same request again. Where an order comes from is not compared.
    /// </summary>
    public static IReadOnlyList<string> Differences(OrderRequest request, OrderView first)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(first);
        var fields = new List<string>(2);
        if (!string.Equals(request.Symbol, first.Symbol, StringComparison.OrdinalIgnoreCase))
        {
            fields.Add("symbol");
        }

        if (request.Side != first.Side)
        {
            fields.Add("side");
        }

        if (request.Quantity != first.Quantity)
        {
            fields.Add("quantity");
        }

        if (request.Type != first.Type)
        {
            fields.Add("type");
        }

        if (request.LimitPrice != first.LimitPrice)
        {
            fields.Add("limitPrice");
        }

        return fields;
    }

    /// <summary>Why a client order id is unusable, or null.</summary>
    public static string? ClientOrderIdError(string? clientOrderId)
    {
        if (string.IsNullOrWhiteSpace(clientOrderId))
        {
            return "clientOrderId is required";
        }

        if (clientOrderId.Length > MaxClientOrderIdLength)
        {
            return $"clientOrderId is longer than {MaxClientOrderIdLength} characters";
        }

        return IdPattern().IsMatch(clientOrderId)
            ? null
            : "clientOrderId may contain only ASCII letters, digits and - _ . : (no spaces, no control characters)";
    }

    /// <summary>Why a quantity is unusable, or null.</summary>
    public static string? QuantityError(decimal quantity)
    {
        if (quantity <= 0m)
        {
            return "quantity must be greater than zero";
        }

        if (quantity > MaxOrderLots)
        {
            return $"quantity must be at most {MaxOrderLots} lots";
        }

        return quantity % LotStep == 0m ? null : $"quantity must be a multiple of {LotStep} lots";
    }

    // \A and \z, not ^ and $: $ also matches before a final newline, which let "id\n" through.
    [GeneratedRegex(@"\A[A-Za-z0-9_.:-]+\z")]
    private static partial Regex IdPattern();
}
