using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Trading;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary>One order as a property table.</summary>
internal static class OrderTable
{
    /// <summary>The order's fields, its status coloured.</summary>
    public static Table Of(OrderView order, string title) => CliOutput.Properties(title,
        ("Client order id", CliOutput.Text(order.ClientOrderId)),
        ("Symbol", CliOutput.Text(order.Symbol)),
        ("Side", order.Side.ToString()),
        ("Type", order.Type.ToString()),
        ("Quantity", CliOutput.Number(order.Quantity)),
        ("Limit price", CliOutput.Number(order.LimitPrice)),
        ("Filled", CliOutput.Number(order.FilledQuantity)),
        ("Average price", CliOutput.Number(order.AveragePrice)),
        ("Status", Styles.Order(order.Status)),
        ("Reason", CliOutput.Text(order.Reason)),
        ("Source", CliOutput.Text(order.Source)),
        ("Created", CliOutput.Time(order.CreatedAt)),
        ("Updated", CliOutput.Time(order.UpdatedAt)),
        ("Expires", CliOutput.Time(order.ExpiresAt)));
}
