using System.Text.Json;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Silo.Http;

/// <summary>
/// Turns a POST /trading/orders body into an <see cref="OrderRequest"/> or field errors. It reads
/// the JSON only; the order rules are the cluster's order intake's to apply
/// (<see cref="InvalidOrderException"/>), once for every door. Only an unusable client order id,
/// which cannot name an order, is answered here, with every rule the request breaks.
/// </summary>
internal static class OrderRequestParser
{
    public static (OrderRequest? Request, Dictionary<string, string[]> Errors) Parse(JsonElement root, Func<string, bool> isKnownSymbol)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return (null, new() { ["body"] = ["the body must be a JSON object"] });
        }

        var fields = new JsonFields(root);
        var id = fields.String("clientOrderId");
        var symbol = fields.String("symbol");
        var side = fields.Enum<OrderSide>("side");
        var quantity = fields.Decimal("quantity");
        var type = fields.Enum<OrderType>("type");
        var limitPrice = fields.Decimal("limitPrice", required: false);
        if (fields.Errors.Count > 0)
        {
            return (null, fields.Errors);
        }

        var request = new OrderRequest(id!, symbol!, side!.Value, quantity!.Value, type!.Value, limitPrice);
        return OrderRules.UnroutableErrors(request, isKnownSymbol) is { } errors ? (null, errors) : (request, fields.Errors);
    }
}
