using System.Globalization;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Cli;

/// <summary>Human-readable text for orders, positions and symbols.</summary>
internal static class OutputFormatter
{
    private static readonly string[] PositionHeaders =
        ["SYMBOL", "QTY", "AVG PRICE", "MARK", "UNREALIZED", "REALIZED", "CCY", "WORKING"];

    /// <summary>One line: id, symbol, side, size, type and price, status, fills, reason.</summary>
    public static string Order(OrderView order)
    {
        var price = order.Type == OrderType.Limit ? $" @ {Number(order.LimitPrice)}" : string.Empty;
        var fill = order.FilledQuantity > 0 ? $"  filled {Number(order.FilledQuantity)} @ {Number(order.AveragePrice)}" : string.Empty;
        var reason = string.IsNullOrEmpty(order.Reason) ? string.Empty : $"  ({order.Reason})";
        return $"{order.ClientOrderId}  {order.Symbol} {order.Side} {Number(order.Quantity)} {order.Type}{price}  {order.Status}{fill}{reason}";
    }

    /// <summary>The order line, prefixed with whether it was new or a duplicate id.</summary>
    public static string Submit(SubmitResult result) =>
        (result.Duplicate ? "duplicate id, first order: " : "submitted: ") + Order(result.Order);

    /// <summary>A table with one row per symbol.</summary>
    public static string Positions(IReadOnlyList<PositionView> positions)
    {
        if (positions.Count == 0)
        {
            return "no symbols configured" + Environment.NewLine;
        }

        var rows = positions.OrderBy(p => p.Symbol, StringComparer.Ordinal).Select(p => (IReadOnlyList<string>)
        [
            p.Symbol, Number(p.Quantity), p.Quantity == 0 ? "-" : Number(p.AveragePrice), Number(p.MarkPrice),
            Money(p.UnrealizedPnl), Money(p.RealizedPnl), p.PnlCurrency, p.WorkingOrders.ToString(CultureInfo.InvariantCulture),
        ]).ToList();
        return TextTable.Render(PositionHeaders, rows, new HashSet<int> { 1, 2, 3, 4, 5, 7 });
    }

    /// <summary><c>key: value</c> lines for a symbol's guards.</summary>
    public static string Symbol(SymbolView view)
    {
        var breaker = view.CircuitBreaker;
        var opens = breaker.OpensUntil is { } until ? $", probe after {until.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z" : string.Empty;
        var reason = string.IsNullOrEmpty(view.TradingStateReason) ? string.Empty : $" ({view.TradingStateReason})";
        var rows = new (string Key, string Value)[]
        {
            ("symbol", view.Symbol),
            ("trading state", view.TradingState + reason),
            ("position", $"{Number(view.Position)} of limit {Number(view.PositionLimit)} lots"),
            ("circuit breaker", $"{breaker.State}, {breaker.ConsecutiveFailures} consecutive failures{opens}"),
            ("order timeout", $"{view.OrderTimeoutSeconds.ToString("0.#", CultureInfo.InvariantCulture)} s"),
            ("working orders", view.WorkingOrders.ToString(CultureInfo.InvariantCulture)),
        };
        var width = rows.Max(r => r.Key.Length) + 1;
        return string.Concat(rows.Select(r => $"{(r.Key + ":").PadRight(width)} {r.Value}{Environment.NewLine}"));
    }

    private static string Number(decimal? value) => value is { } v ? v.ToString(CultureInfo.InvariantCulture) : "-";

    private static string Money(decimal value) => value.ToString("#,0.00", CultureInfo.InvariantCulture);
}
