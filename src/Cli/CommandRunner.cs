using AriaPro.Client;

namespace AriaPro.Cli;

/// <summary>Runs a parsed command against the cluster and writes its result; returns the exit code.</summary>
internal sealed class CommandRunner(AriaProClient client, TextWriter output, TextWriter error)
{
    public async Task<int> RunAsync(CliCommand command)
    {
        switch (command)
        {
            case SubmitCommand submit:
                output.WriteLine(OutputFormatter.Submit(await client.SubmitOrderAsync(submit.Request)));
                return ExitCodes.Success;
            case OrderCommand order:
                return WriteOrder(await client.GetOrderAsync(order.ClientOrderId), order.ClientOrderId);
            case CancelCommand cancel:
                return WriteOrder(await client.CancelOrderAsync(cancel.ClientOrderId), cancel.ClientOrderId);
            case PositionsCommand:
                output.Write(OutputFormatter.Positions(await client.GetPositionsAsync()));
                return ExitCodes.Success;
            case SymbolCommand symbol:
                output.Write(OutputFormatter.Symbol(await client.GetSymbolAsync(symbol.Symbol)));
                return ExitCodes.Success;
            case BreakerCommand breaker:
                var view = breaker.Action switch
                {
                    BreakerAction.Reset => await client.ResetCircuitBreakerAsync(breaker.Symbol),
                    BreakerAction.Halt => await client.HaltAsync(breaker.Symbol, breaker.Reason),
                    _ => await client.ResumeAsync(breaker.Symbol),
                };
                output.Write(OutputFormatter.Symbol(view));
                return ExitCodes.Success;
            default:
                throw new ArgumentOutOfRangeException(nameof(command), command, "Unknown command.");
        }
    }

    private int WriteOrder(Grains.Interfaces.Trading.OrderView? order, string clientOrderId)
    {
        if (order is null)
        {
            error.WriteLine($"aria: order '{clientOrderId}' not found");
            return ExitCodes.Failure;
        }

        output.WriteLine(OutputFormatter.Order(order));
        return ExitCodes.Success;
    }
}
