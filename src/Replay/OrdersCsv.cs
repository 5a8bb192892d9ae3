using System.Globalization;
using System.Text;
using AriaPro.Grains.Interfaces.Trading;

namespace AriaPro.Replay;

/// <summary>The orders as CSV: invariant culture, fixed columns, one row per order, <c>\n</c> line ends.</summary>
internal static class OrdersCsv
{
    /// <summary>The header row, in column order.</summary>
    public const string Header = "client_order_id,created_at,updated_at,side,type,quantity,status,filled_quantity,fill_price,reason";

    public static string Write(IReadOnlyList<OrderView> orders)
    {
        var text = new StringBuilder().Append(Header).Append('\n');
        foreach (var order in orders)
        {
            text.Append(Escape(order.ClientOrderId)).Append(',')
                .Append(Time(order.CreatedAt)).Append(',')
                .Append(Time(order.UpdatedAt)).Append(',')
                .Append(order.Side.ToString()).Append(',')
                .Append(order.Type.ToString()).Append(',')
                .Append(order.Quantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(order.Status.ToString()).Append(',')
                .Append(order.FilledQuantity.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(order.AveragePrice?.ToString(CultureInfo.InvariantCulture) ?? string.Empty).Append(',')
                .Append(Escape(order.Reason ?? string.Empty)).Append('\n');
        }

        return text.ToString();
    }

    /// <summary>ISO-8601 UTC with seconds, e.g. <c>2016-03-01T00:00:00Z</c>.</summary>
    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
