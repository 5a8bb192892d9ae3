using System.CommandLine;
using System.Security.Cryptography;
using AriaPro.Cli.Connection;
using AriaPro.Cli.Output;
using AriaPro.Grains.Interfaces.Trading;
using Spectre.Console;

namespace AriaPro.Cli.Commands;

/// <summary><c>aria orders submit|show|cancel</c>: orders by client order id (<c>/trading/orders</c>).</summary>
internal sealed class OrdersCommand : ICliCommand
{
    /// <inheritdoc />
    public Command Create(CliApp app)
    {
        var orders = new Command("orders", "Submit and cancel orders (role trader) and show them (role viewer), by client order id.");
        orders.Subcommands.Add(Submit(app));
        orders.Subcommands.Add(Show(app));
        orders.Subcommands.Add(Cancel(app));
        return app.Examples(orders,
            "aria orders submit --symbol EURUSD --side buy --qty 0.5",
            "aria orders show cli-20261126T081500-3f9a1c2e",
            "aria orders cancel my-order-1");
    }

    private static Command Submit(CliApp app)
    {
        var symbol = new Option<string>("--symbol") { Description = "The symbol to trade, e.g. EURUSD", Required = true, HelpName = "symbol" };
        var side = Parsers.Enum<OrderSide>("--side", "Buy or sell");
        side.Required = true;
        var quantity = Parsers.Decimal<decimal>("--qty", $"Lots, a multiple of {OrderRules.LotStep}, at most {OrderRules.MaxOrderLots}", "lots");
        quantity.Required = true;
        var type = Parsers.Enum<OrderType>("--type", "A market order, or a limit order at --price");
        type.DefaultValueFactory = _ => OrderType.Market;
        var price = Parsers.Decimal<decimal?>("--price", "The limit price (limit orders only)", "price");
        var id = new Option<string?>("--id")
        {
            Description = "Your client order id (letters, digits, - _ . :). Without it aria makes one up and prints it: " +
                "submitting again with the same id returns the same order instead of trading twice",
            HelpName = "client-order-id",
        };
        var wait = new Option<bool>("--wait")
        {
            Description = $"Wait (at most {WaitLimit.TotalSeconds:0} s) until the order has finished, and show its final state: filled, rejected, expired",
        };
        var command = new Command("submit",
            "Submit an order. The silo checks it (symbol, size, limit price) before any trader sees it, then applies its " +
            "pre-trade checks (trading state, breaker, position limit, risk budget). Idempotent by client order id: a retry " +
            "with the same --id prints the order already submitted; a different order under a used --id is refused (exit 1, the silo names what differs). " +
            "Exits 1 when the order is denied or rejected. Needs the role trader.")
        {
            symbol, side, quantity, type, price, id, wait,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            var given = parse.GetValue(id);
            var clientOrderId = given ?? NewClientOrderId(session.Context.Time);
            var request = new OrderRequest(clientOrderId, parse.GetValue(symbol)!, parse.GetValue(side), parse.GetValue(quantity), parse.GetValue(type), parse.GetValue(price));
            SubmitResult result;
            try
            {
                result = await session.Api.SubmitOrderAsync(request, cancellationToken);
            }
            catch (Exception failure) when (given is null && CliApp.Unreachable(failure, cancellationToken) is { } reason)
            {
                // The request may have reached the silo: only the id aria made up lets a retry be safe.
                throw new CliException(ExitCodes.Unreachable,
                    $"cannot reach {CliSession.Display(session.Url)}: {reason}; the order may have arrived: retry with --id {clientOrderId} so it cannot trade twice");
            }

            var order = result.Order;
            if (parse.GetValue(wait))
            {
                order = await WaitForFinalAsync(session, order, cancellationToken);
            }

            Print(session, order, result.Duplicate ? "Already submitted: the order with this id" : Title(order));
            return Outcome(order);
        });
        return app.Examples(command,
            "aria orders submit --symbol EURUSD --side buy --qty 0.5",
            "aria orders submit --symbol GBPUSD --side sell --qty 1 --type limit --price 1.2650 --id desk-42");
    }

    private static Command Show(CliApp app)
    {
        var id = new Argument<string>("client-order-id") { Description = "The order's client order id" };
        var command = new Command("show", "Show an order: its fills, average price, status and why it ended. Needs the role viewer.") { id };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            Print(session, await session.Api.GetOrderAsync(parse.GetValue(id)!, cancellationToken), "Order");
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria orders show desk-42");
    }

    private static Command Cancel(CliApp app)
    {
        var id = new Argument<string>("client-order-id") { Description = "The order's client order id" };
        var command = new Command("cancel",
            "Cancel a working order. An order that is already filled, cancelled, rejected or expired cannot be cancelled (exit 1). " +
            "Needs the role trader.")
        {
            id,
        };
        app.Run(command, async (session, parse, cancellationToken) =>
        {
            Print(session, await session.Api.CancelOrderAsync(parse.GetValue(id)!, cancellationToken), "Cancelled");
            return ExitCodes.Ok;
        });
        return app.Examples(command, "aria orders cancel desk-42");
    }

    private static void Print(CliSession session, OrderView order, string title)
    {
        if (session.Json)
        {
            CliOutput.Json(session.Out, order);
        }
        else
        {
            session.Out.Write(OrderTable.Of(order, title));
        }
    }

    /// <summary>How long <c>--wait</c> waits for an order to finish: the longest order timeout is 120 s by default.</summary>
    public static readonly TimeSpan WaitLimit = TimeSpan.FromSeconds(150);

    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(100);

    // Polls the order on the CLI's clock until it has finished or the limit is reached.
    private static async Task<OrderView> WaitForFinalAsync(CliSession session, OrderView order, CancellationToken cancellationToken)
    {
        var time = session.Context.Time;
        var deadline = time.GetUtcNow() + WaitLimit;
        while (order.Status.IsWorking() && time.GetUtcNow() < deadline)
        {
            await Task.Delay(WaitStep, time, cancellationToken);
            order = await session.Api.GetOrderAsync(order.ClientOrderId, cancellationToken);
        }

        return order;
    }

    // The title says what became of the order, never "Submitted" for one that was denied or filled.
    private static string Title(OrderView order) => order.Status switch
    {
        OrderStatus.Submitted or OrderStatus.Accepted or OrderStatus.New => "Submitted",
        OrderStatus.PartiallyFilled => "Partially filled",
        _ => order.Reason is { } why ? $"{order.Status}: {why}" : order.Status.ToString(),
    };

    // A denied or rejected order was answered, but the desk said no: scripts must see it.
    private static int Outcome(OrderView order)
    {
        if (order.Status is OrderStatus.Denied or OrderStatus.Rejected)
        {
            throw new CliException(ExitCodes.Refused, $"order {order.ClientOrderId} was {order.Status}: {order.Reason ?? "no reason given"}");
        }

        return ExitCodes.Ok;
    }

    // Sortable by time, unique by 32 random bits: a person can find it, two terminals never clash.
    private static string NewClientOrderId(TimeProvider time) =>
        $"cli-{time.GetUtcNow().UtcDateTime:yyyyMMdd'T'HHmmss}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";
}
