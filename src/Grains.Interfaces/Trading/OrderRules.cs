using System.Text.RegularExpressions;

namespace AriaPro.Grains.Interfaces.Trading;

/// <summary>
/// The rules every order request must meet before it reaches a trader. Shared by the HTTP facade,
/// the client SDK and the grains so that bad input is refused the same way everywhere.
/// </summary>
public static partial class OrderRules
{
    /// <summary>Smallest order and size step, in lots.</summary>
    public const decimal LotStep = 0.01m;

    /// <summary>Largest single order, in lots: a fat-finger guard.</summary>
    public const decimal MaxOrderLots = 1_000m;

    /// <summary>Longest client order id.</summary>
    public const int MaxClientOrderIdLength = 64;

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
            : "clientOrderId may contain only letters, digits and - _ . :";
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

    [GeneratedRegex("^[A-Za-z0-9_.:-]+$")]
    private static partial Regex IdPattern();
}
